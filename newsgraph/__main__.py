"""``python -m newsgraph``: the same as the ``newsgraph`` command."""
from newsgraph.cli import main

if __name__ == "__main__":
    main()
