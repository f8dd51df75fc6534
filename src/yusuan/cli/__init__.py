"""The `yusuan` command: a thin shell over the library (see `yusuan.cli.main`).

Kept empty on purpose: `yusuan --version` must not pay for more than click.
"""
