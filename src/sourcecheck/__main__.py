"""``python -m sourcecheck``: the same as the ``sourcecheck`` command."""

import sys

from sourcecheck._cli import main

sys.exit(main())
