"""The year and the department's name read from a title, wherever the title puts them."""

from __future__ import annotations

import pytest

from yusuan.readers.text.basics import year_and_short_name


@pytest.mark.parametrize(
    ("title", "year", "name"),
    [
        ("高新区科技局 2021 年部门预算信息公开", 2021, "高新区科技局"),
        ("上海市普陀区财政局2024年度部门决算", 2024, "上海市普陀区财政局"),
        ("2023年度上海市普陀区财政局部门决算", 2023, "上海市普陀区财政局"),
        ("2023 年度 上海市某某局 部门决算", 2023, "上海市某某局"),
        ("2022年石家庄市某某局单位预算公开", 2022, "石家庄市某某局"),
        ("2024年部门预算", 2024, None),
        ("部门预算公开", None, None),
    ],
)
def test_year_and_name(title: str, year: int | None, name: str | None) -> None:
    assert year_and_short_name(title) == (year, name)
