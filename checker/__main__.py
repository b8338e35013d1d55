"""`python -m checker` works like `gov-check`."""

from checker.cli import run as main

if __name__ == "__main__":
    main()
