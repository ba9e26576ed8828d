#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Chime latency: the delay from each phase boundary to the first audible
sample of its chime, through libcanberra and a private PulseAudio null
sink. Prints the median and the maximum.

Runs ../chime-integration.py --benchmark (see there for how the delay is
measured); takes the same BB_CHIME_SESSION and BB_SOUNDS_DIR variables or
--chime-session/--sounds-dir options.
"""

import os
import subprocess
import sys

script = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir,
                      "chime-integration.py")
sys.exit(subprocess.call([sys.executable, script, "--benchmark", *sys.argv[1:]]))
