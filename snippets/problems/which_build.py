# /// script
# [tool.guide]
# varies = "the version and the build of the interpreter that runs it"
# check = "property"
# ///
"""Which build is this: was it compiled free-threaded, and is the GIL on right now?"""

import sys
import sysconfig

if __name__ == "__main__":
    print(f"Python {sys.version.split()[0]} on {sys.platform}")
    built_free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    print(f"built free-threaded (Py_GIL_DISABLED): {built_free_threaded}")
    is_gil_enabled = getattr(sys, "_is_gil_enabled", None)  # new in 3.13
    if is_gil_enabled is None:
        print("sys._is_gil_enabled() does not exist here: before 3.13 the GIL is always on")
    else:
        print(f"GIL enabled now (sys._is_gil_enabled()): {is_gil_enabled()}")
