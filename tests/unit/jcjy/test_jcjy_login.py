"""Login home, staff login through the office SSO (all answers), captcha, logout."""

from __future__ import annotations

import socket

from jcjy_support import PASSWORD, csrf_of, login, only_login
from unit_support import drawn_code

from benchmarks.scrape import form_token


def test_root_and_login_home(client) -> None:
    assert client.get("/").headers["Location"].endswith("/loginHome")
    html = client.get("/loginHome").get_data(as_text=True)
    assert "<h1" in html and "中央高校基层就业资助管理系统</h1>" in html
    assert ">学生登录</a>" in html and ">工作人员登录</a>" in html


def test_staff_login_page(client) -> None:
    html = client.get("/staff/login").get_data(as_text=True)
    assert ">工作人员登录</h1>" in html
    assert "请使用全国学生资助办公系统账号登录" in html
    assert '<label for="f-account">' in html and '<label for="f-password">' in html
    assert '<button type="submit">登录</button>' in html
    assert "图形验证码" not in html  # captcha_mode off


def test_login_ok_lands_on_list_with_user_block(client, office, app) -> None:
    office.add("zhang", "14430-0801", ["研究生学院审核人员"], name="张老师")
    response = login(client, "zhang")
    assert response.status_code == 302
    assert response.headers["Location"] == "/review/applications"
    html = client.get("/review/applications").get_data(as_text=True)
    assert ">申请名单审核</h1>" in html
    assert "张老师" in html and "培养单位14430-0801" in html and "研究生学院审核人员" in html
    assert ">退出登录</button>" in html
    login_row = only_login(app)
    assert login_row["stages"] == ["研究生"] and login_row["unit_code"] == "14430-0801"


def test_both_roles_give_both_stages(client, office, app) -> None:
    office.add("both", "14430-1201", ["本专科学院审核人员", "研究生学院审核人员"])
    login(client, "both")
    assert only_login(app)["stages"] == ["研究生", "本专科"]


def test_no_grant_is_refused(client, office) -> None:
    office.add("nogrant", "14430-0801", ["研究生学院审核人员"], systems=())
    office.add("norole", "14430-0801", ["学院管理员"])
    for account in ("nogrant", "norole"):
        response = login(client, account)
        html = response.get_data(as_text=True)
        assert response.status_code == 403
        assert "您尚未获得基层就业系统审核权限" in html and "“内部组织-部门成员”中授权" in html
    assert client.get("/review/applications").status_code == 302


def test_wrong_password_and_unknown_account(client, office) -> None:
    office.add("zhang", "14430-0801", ["研究生学院审核人员"])
    for account, password in (("zhang", "Wrong1234"), ("nobody", PASSWORD)):
        response = login(client, account, password)
        assert response.status_code == 401
        assert "账号或密码错误" in response.get_data(as_text=True)


def test_locked_account_shows_office_message(client, office) -> None:
    office.add("zhang", "14430-0801", ["研究生学院审核人员"])
    office.locked.add("zhang")
    response = login(client, "zhang")
    assert "账号已锁定，请15分钟后再试" in response.get_data(as_text=True)


def test_office_5xx_and_unreachable(client, client_with, office) -> None:
    office.add("zhang", "14430-0801", ["研究生学院审核人员"])
    office.fail_with = 500
    response = login(client, "zhang")
    assert "暂时无法连接全国学生资助办公系统，请稍后再试" in response.get_data(as_text=True)
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    response = login(client_with(office_url=f"http://127.0.0.1:{closed}"), "zhang")
    assert "暂时无法连接全国学生资助办公系统，请稍后再试" in response.get_data(as_text=True)


def test_wrong_service_token(client, office, config) -> None:
    office.add("zhang", "14430-0801", ["研究生学院审核人员"])
    config.service_token = "wrong"  # the app's own configuration object
    response = login(client, "zhang")
    assert "对接凭证无效" in response.get_data(as_text=True)


def test_empty_and_overlong_fields(client, office) -> None:
    response = client.post("/staff/login", data={"csrf_token": csrf_of(client)})
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "请填写账号" in html and "请填写密码" in html
    calls = office.calls
    response = login(client, "a" * 51)
    assert "账号不能超过50个字符" in response.get_data(as_text=True)
    assert office.calls == calls  # refused before asking the office


def test_next_is_followed_only_when_local(client, office) -> None:
    office.add("zhang", "14430-0801", ["研究生学院审核人员"])
    response = login(client, "zhang", next_path="/review/applications?page=2")
    assert response.headers["Location"] == "/review/applications?page=2"
    for evil in ("https://evil.example/x", "//evil.example/x", "/\\evil.example"):
        response = login(client, "zhang", next_path=evil)
        assert response.headers["Location"] == "/review/applications"


def test_logout(client, office) -> None:
    office.add("zhang", "14430-0801", ["研究生学院审核人员"])
    login(client, "zhang")
    token = csrf_of(client, "/review/applications")
    response = client.post("/logout", data={"csrf_token": token}, follow_redirects=True)
    assert "您已退出登录" in response.get_data(as_text=True)
    assert client.get("/review/applications").status_code == 302


def test_captcha_fixed_mode(client_with, office) -> None:
    office.add("zhang", "14430-0801", ["研究生学院审核人员"])
    client = client_with(captcha_mode="fixed", captcha_fixed_code="8888")
    html = client.get("/staff/login").get_data(as_text=True)
    assert 'alt="图形验证码"' in html and 'src="data:image/svg+xml;base64,' in html
    response = login(client, "zhang", captcha="")
    assert "请填写图形验证码" in response.get_data(as_text=True)
    response = login(client, "zhang", captcha="1234")
    assert "图形验证码错误" in response.get_data(as_text=True)
    assert login(client, "zhang", captcha="8888").status_code == 302


def test_captcha_image_mode_is_one_use(client_with, office) -> None:
    office.add("zhang", "14430-0801", ["研究生学院审核人员"])
    client = client_with(captcha_mode="image")
    html = client.get("/staff/login").get_data(as_text=True)
    code = drawn_code(html)
    assert len(code) == 4
    token = form_token(html)
    data = {"csrf_token": token, "account": "zhang", "password": PASSWORD, "captcha": code}
    wrong = dict(data, password="Wrong1234")
    assert client.post("/staff/login", data=wrong).status_code == 401
    # The code was used up by the failed attempt: the same answer no longer works.
    response = client.post("/staff/login", data=data)
    assert "图形验证码错误" in response.get_data(as_text=True)
