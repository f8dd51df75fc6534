"""Column types the schema needs beyond SQLAlchemy's own.

Migrations import `Money` by name: its meaning must never change. A different storage would be
a new type and a new migration.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Float, Numeric, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeDecorator, TypeEngine


class Money(TypeDecorator[Decimal]):
    """An exact decimal that keeps the scale it was printed with (42.40 stays 42.40).

    SQLite has no exact decimal type (NUMERIC affinity turns 42.40 into the float 42.4), so
    there the decimal's text is stored. PostgreSQL's NUMERIC without precision or scale keeps
    every digit and the scale of each value. Order and compare through `money_order`.

    PostgreSQL normalises what a NUMERIC cannot tell apart: `1E+2` comes back as `100` and
    `-0` as `0` (numerically equal, as the canonical JSON requires; the readers print neither).
    """

    impl = Text
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(Text())
        return dialect.type_descriptor(Numeric(asdecimal=True))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            value = Decimal(value)
        return str(value) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return value if isinstance(value, Decimal) else Decimal(value)


class money_order(FunctionElement[float]):
    """A money column as something SQL can order and compare by number.

    On SQLite the stored text is CAST to REAL (text order would put "9" after "10"); the
    float only orders, the exact value stays in the column. Elsewhere the NUMERIC itself.
    """

    type = Float()
    inherit_cache = True
    name = "money_order"

    def __init__(self, column: ColumnElement[Decimal] | Any) -> None:
        super().__init__(column)


@compiles(money_order)
def _money_order_default(element: money_order, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(money_order, "sqlite")
def _money_order_sqlite(element: money_order, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS REAL)"
