"""The 基层就业系统 grants: the office site gives them, the jcjy site admits reviewers by them.

Both sites name them (the SSO contract in docs/architecture.md) and neither imports the other.
"""

from __future__ import annotations

JCJY_SYSTEM = "基层就业系统"
GRADUATE_REVIEWER = "研究生学院审核人员"
UNDERGRADUATE_REVIEWER = "本专科学院审核人员"
#: Reviewer role → the 学段 it reviews; 研究生 first, as the 授权管理 dialog lists them.
ROLE_STAGES = {GRADUATE_REVIEWER: "研究生", UNDERGRADUATE_REVIEWER: "本专科"}
REVIEWER_ROLES = tuple(ROLE_STAGES)
#: 学段 → the reviewer role for it.
STAGE_ROLES = {stage: role for role, stage in ROLE_STAGES.items()}
