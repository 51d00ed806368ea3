"""Run the command-line tool: ``python -m copsreform``."""

from copsreform.cli import main

if __name__ == "__main__":
    main(prog_name="copsreform")
