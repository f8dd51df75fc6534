"""`python -m yusuan`: the same command as `yusuan`."""

from yusuan.cli.main import main

if __name__ == "__main__":
    main(prog_name="yusuan")
