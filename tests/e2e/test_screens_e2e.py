"""Screens change without document loads, as on the real single-page sites (screens.js).

A marker set on ``window`` survives only while the browser stays on one document."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

import allure
from e2e_support import GRADUATE_REVIEWER, documented
from PIL import Image, ImageChops
from playwright.sync_api import Page, Route, expect

from flows import steps
from pages.jcjy import PENDING, ApplicationDetailPage
from pages.office import OfficeLoginPage, OrganizationPage, RegisterPage

if TYPE_CHECKING:
    from conftest import MockSites

NETWORK_FAILED = "网络连接失败，请检查网络后重试。"


def differing_pixels(png_a: bytes, png_b: bytes) -> int:
    a, b = (Image.open(io.BytesIO(png)).convert("RGB") for png in (png_a, png_b))
    assert a.size == b.size
    unchanged = ImageChops.difference(a, b).convert("L").histogram()[0]
    return a.width * a.height - unchanged


def open_office_login(page: Page, mock_sites: MockSites) -> tuple[str, OfficeLoginPage]:
    url = mock_sites.urls.office_url
    login = OfficeLoginPage(page, url)
    login.open()
    return url, login


def mark_document(page: Page) -> None:
    page.evaluate("window.sameDocument = true")


def same_document(page: Page) -> bool:
    return page.evaluate("window.sameDocument === true")


@documented(steps.REGISTER)
@allure.title("点击“注册”换到注册账户界面：同一文档，地址与标题随之改变，后退、前进可用")
def test_link_changes_screen_in_the_same_document(page: Page, mock_sites: MockSites) -> None:
    url, login = open_office_login(page, mock_sites)
    mark_document(page)

    login.go_to_register()
    register = RegisterPage(page, url)
    register.expect_loaded()
    expect(page).to_have_url(url + "/register")
    expect(page).to_have_title(re.compile("^注册账户 - "))
    assert same_document(page)

    page.go_back()
    login.expect_loaded()
    expect(page).to_have_url(url + "/login")
    page.go_forward()
    register.expect_loaded()
    assert same_document(page)


@documented(steps.LOGIN_AGAIN)
@allure.title("登录请求因网络失败时提示重试，已填的账号仍在；网络恢复后登录成功")
def test_failed_request_says_so_and_keeps_the_form(page: Page, mock_sites: MockSites) -> None:
    url, login = open_office_login(page, mock_sites)
    account = "13900000000"

    def drop_post(route: Route) -> None:
        if route.request.method == "POST":
            route.abort()
        else:
            route.continue_()

    page.route(url + "/login", drop_post)
    login.login(account, mock_sites.config.demo_password)
    expect(page.get_by_role("alert")).to_have_text(NETWORK_FAILED)
    login.expect_loaded()
    expect(login.form.account).to_have_value(account)

    page.unroute(url + "/login")
    login.login(GRADUATE_REVIEWER, mock_sites.config.demo_password)
    OrganizationPage(page, url).expect_loaded()


@documented(steps.CHECK_MATERIALS)
@allure.title("换到下一位学生的详情后，→ 键仍只翻一份材料（页面脚本不重复生效）")
def test_page_scripts_act_once_on_later_screens(page: Page, mock_sites: MockSites, signed_in) -> None:
    review_list = signed_in(GRADUATE_REVIEWER)
    mark_document(page)
    rows = [r for r in review_list.rows() if r.status == PENDING]
    detail = review_list.open_detail(rows[0].student_no)
    detail.choose_result("通过")
    detail.confirm()
    expect(detail.saved(rows[0].name)).to_be_visible()

    following = ApplicationDetailPage(page, mock_sites.urls.jcjy_url)
    following.expect_loaded()
    titles = following.material_titles()
    dialog = following.preview_material(titles[0])
    dialog = dialog.next(titles[1], by_key=True)
    expect(dialog.position).to_have_text(f"第 2/{len(titles)} 份")
    assert same_document(page)


@documented(steps.REGISTER)
@allure.title("下一界面到达之前，旧界面仍显示（无空白页），但无法被读取或点击")
def test_old_screen_stays_painted_but_out_of_reach(page: Page, mock_sites: MockSites) -> None:
    url, login = open_office_login(page, mock_sites)
    before = page.screenshot()
    held: list[Route] = []

    def hold(route: Route) -> None:
        held.append(route)

    page.route(url + "/register", hold)

    login.go_to_register()
    expect(page.locator("html")).to_have_attribute("aria-busy", "true")
    expect(login.title).to_be_hidden()  # no query reaches the old screen
    expect(login.register_link).to_have_count(0)
    page.mouse.move(0, 0)  # no hover on either shot
    # …and yet it is what the screen shows (a link's underline may end a pixel apart).
    assert differing_pixels(before, page.screenshot()) < 20

    held[0].continue_()
    RegisterPage(page, url).expect_loaded()
    expect(page.locator("html")).not_to_have_attribute("aria-busy", "true")
