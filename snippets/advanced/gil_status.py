"""Which build is this, and is the GIL on? (A free-threaded build can turn it back on.)"""

import sys
import sysconfig

if __name__ == "__main__":
    free_threaded_build = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    # sys._is_gil_enabled() exists from 3.13; older versions always have the GIL.
    gil_enabled = getattr(sys, "_is_gil_enabled", lambda: True)()
    print(f"free-threaded build: {'yes' if free_threaded_build else 'no'}")
    print(f"GIL enabled now:     {'yes' if gil_enabled else 'no'}")
    if free_threaded_build and gil_enabled:
        print("the GIL was re-enabled: PYTHON_GIL=1, -X gil=1, or an extension that needs it")
