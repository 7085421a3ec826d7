"""The state every run starts from: taken once the interpreter is set up (and again when a
runtime is installed), and put back after each run: the modules and their module-level
names, sys.path and friends, warnings filters, the loggers, os.environ, the working
directory, the recursion limit and other interpreter settings, tracing, atexit handlers,
random's seed, the garbage collector, linecache."""

from __future__ import annotations

import atexit
import gc
import importlib
import linecache
import os
import random
import sys
import types
import warnings

_MISSING = object()
_SYS_LISTS = ("path", "meta_path", "path_hooks", "argv")


class Baseline:
    """What the interpreter looks like when this is made; restore() puts it back."""

    def __init__(self) -> None:
        self.modules = dict(sys.modules)
        self.namespaces = {
            name: dict(vars(module))
            for name, module in sys.modules.items()
            if isinstance(module, types.ModuleType)
        }
        self.lists = {name: list(getattr(sys, name)) for name in _SYS_LISTS}
        self.lists["warnings.filters"] = list(warnings.filters)
        self.logging = _logging_state()
        self.environ = dict(os.environ)
        self.cwd = os.getcwd()
        self.recursion_limit = sys.getrecursionlimit()
        self.int_max_str_digits = sys.get_int_max_str_digits()
        self.switch_interval = sys.getswitchinterval()

    def restore(self) -> None:
        """Put the interpreter back into the state it was in when this was taken."""
        for name in list(sys.modules):
            if name not in self.modules:
                del sys.modules[name]
        sys.modules.update(self.modules)
        for name, saved in self.namespaces.items():
            namespace = vars(self.modules[name])
            for key in [key for key in namespace if key not in saved]:
                del namespace[key]
            for key, value in saved.items():
                if namespace.get(key, _MISSING) is not value:
                    namespace[key] = value
        for name in _SYS_LISTS:
            getattr(sys, name)[:] = self.lists[name]
        warnings.filters[:] = self.lists["warnings.filters"]
        warnings._filters_mutated()
        _restore_logging(self.logging)
        sys.path_importer_cache.clear()
        importlib.invalidate_caches()
        if dict(os.environ) != self.environ:
            os.environ.clear()
            os.environ.update(self.environ)
        try:
            os.chdir(self.cwd)
        except OSError:
            pass
        sys.setrecursionlimit(self.recursion_limit)
        sys.set_int_max_str_digits(self.int_max_str_digits)
        sys.setswitchinterval(self.switch_interval)
        # Only if set: with simulated threads, setting them walks frames of switched stacks.
        if sys.gettrace() is not None:
            sys.settrace(None)
        if sys.getprofile() is not None:
            sys.setprofile(None)
        atexit._clear()
        random.seed()
        gc.enable()
        linecache.clearcache()


def _logging_state() -> dict:
    """The configuration of every logger (logging.basicConfig() in one run must not
    decide the format of the next)."""
    logging = sys.modules.get("logging")
    if logging is None:
        return {}
    loggers = {"": logging.root, **logging.Logger.manager.loggerDict}
    return {
        name: (logger, logger.level, list(logger.handlers), list(logger.filters), logger.propagate)
        for name, logger in loggers.items()
        if isinstance(logger, logging.Logger)
    }


def _restore_logging(saved: dict) -> None:
    logging = sys.modules.get("logging")
    if logging is None:
        return
    manager = logging.Logger.manager
    for name in [name for name in manager.loggerDict if name not in saved]:
        del manager.loggerDict[name]
    for name, (logger, level, handlers, filters, propagate) in saved.items():
        if name:
            manager.loggerDict[name] = logger
        logger.handlers[:] = handlers
        logger.filters[:] = filters
        logger.level, logger.propagate, logger.disabled = level, propagate, False
    manager._clear_cache()
