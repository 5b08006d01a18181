"""Records a PyQt6 program's QtNetwork signals and calls as JSON lines: the trace format of
qtnetwork's recorder (`qtnetwork/trace`), so that `qtnetwork-parity` can diff a PyQt6 program with
its Node port.

    python3 qtnetwork_trace.py [-o trace.jsonl] program.py [args...]
    PYTHONPATH=<this directory> python3 -m qtnetwork_trace [-o trace.jsonl] program.py [args...]

The output goes to -o, else to $QTNETWORK_TRACE, else to qtnetwork-trace.jsonl. The program runs
unchanged: the recorder patches the PyQt6 classes' methods (the calls in TRACED_CALLS) and
connects to every signal (but destroyed) of each QtNetwork object when the program first meets it
(made, or handed to it by a call or a signal). Recording stops when the program's module returns
or exits. Passwords are never written (see json_of).

A line: {"t": "object" | "call" | "return" | "signal", "d": depth, "obj": "QTcpSocket#1", "class",
"name", "args" | "value", "ms"}; depth counts the recorded calls running (a signal Qt emits inside
connectToHost() or a waitFor... is inside it).
"""
import enum
import json
import os
import runpy
import sys
import threading
import time

# The same lists as lib/trace.ts (test/unit/trace.test.ts holds them equal).
TRACED_CALLS = [
    "abort", "addPendingConnection", "bind", "close", "connectToHost", "connectToHostEncrypted",
    "connectToServer", "deleteResource", "disconnectFromHost", "disconnectFromServer", "flush", "get", "head",
    "ignoreSslErrors", "joinMulticastGroup", "leaveMulticastGroup", "listen", "nextPendingConnection",
    "pauseAccepting", "post", "put", "read", "readAll", "readDatagram", "readLine", "receiveDatagram", "resume",
    "resumeAccepting", "sendCustomRequest", "setMaxPendingConnections", "setMulticastInterface", "setPauseMode",
    "setProxy", "setReadBufferSize", "setSocketDescriptor", "setSocketOption", "startClientEncryption",
    "startServerEncryption", "waitForBytesWritten", "waitForConnected", "waitForDisconnected", "waitForEncrypted",
    "waitForNewConnection", "waitForReadyRead", "write", "writeDatagram",
]
TRACED_STATICS = [
    "QNetworkProxy.setApplicationProxy",
    "QNetworkProxyFactory.setApplicationProxyFactory",
    "QNetworkProxyFactory.setUseSystemConfiguration",
]
UNTRACED_SIGNALS = ["destroyed"]


class Recorder:
    def __init__(self, path):
        from PyQt6 import QtCore, QtNetwork
        self.QtCore, self.QtNetwork = QtCore, QtNetwork
        self.file = open(path, "w", encoding="utf-8")
        self.t0 = time.perf_counter()
        self.labels = {}  # id(obj) -> label (objects are kept alive in self.kept)
        self.kept = []
        self.counts = {}
        self.depth = 0
        self.quiet = 0
        self.c_calls = []  # the frames blocked in a C function, innermost last (profile)
        self.on = True
        self.write({"t": "trace", "format": 1, "recorder": "PyQt6", "qt": QtCore.qVersion()})

    def write(self, line):
        if not self.on:
            return
        line["ms"] = round((time.perf_counter() - self.t0) * 1000, 3)
        self.file.write(json.dumps(line, separators=(",", ":"), ensure_ascii=False) + "\n")

    def close(self):
        self.on = False
        self.file.close()

    def traced_class(self, obj):
        """The QtNetwork class obj is traced as (a program's subclass as its base), else None."""
        if not isinstance(obj, self.QtCore.QObject):
            return None
        for cls in type(obj).__mro__:
            if cls.__module__ == "PyQt6.QtNetwork":
                return cls.__name__
        return None

    def label_of(self, obj):
        label = self.labels.get(id(obj))
        if label is not None:
            return label
        cls = self.traced_class(obj)
        if cls is None:
            return None
        self.counts[cls] = self.counts.get(cls, 0) + 1
        label = f"{cls}#{self.counts[cls]}"
        self.labels[id(obj)] = label
        self.kept.append(obj)
        self.write({"t": "object", "d": self.depth, "obj": label, "class": cls})
        self.watch(obj, label, cls)
        return label

    def watch(self, obj, label, cls):
        mo = obj.metaObject()
        names = []
        for i in range(mo.methodCount()):
            m = mo.method(i)
            if m.methodType() == self.QtCore.QMetaMethod.MethodType.Signal:
                name = bytes(m.name()).decode()
                if name not in names and name not in UNTRACED_SIGNALS:
                    names.append(name)
        for name in names:
            try:
                getattr(obj, name).connect(self.slot(label, cls, name))
            except (AttributeError, TypeError):
                pass  # a signal PyQt6 does not expose

    def slot(self, label, cls, name):
        def record(*args):
            if threading.current_thread() is threading.main_thread():
                self.write({"t": "signal", "d": self.depth, "obj": label, "class": cls, "name": name,
                           "args": [self.json_of(a) for a in args]})
        return record

    def from_program(self):
        """Whether the patched method was called by Python code, not by Qt's C++ (a virtual method
        Qt calls on itself, as abort() calls close(): sip routes that to the patch too): the
        caller's frame is then inside a C call of its own (app.exec(), the patched method's original)."""
        caller = sys._getframe(3)
        return not self.c_calls or self.c_calls[-1] is not caller

    def profile(self, frame, event, arg):
        if event == "c_call":
            self.c_calls.append(frame)
        elif event in ("c_return", "c_exception") and self.c_calls:
            self.c_calls.pop()

    def call(self, fn, obj, args, kwargs, name, static=None):
        mine = threading.current_thread() is threading.main_thread() and self.from_program()
        label = static or (self.labels.get(id(obj)) if mine else None)
        if label is None:
            self.quiet += 1
            try:
                return fn.__get__(obj, type(obj))(*args, **kwargs) if static is None else fn(*args, **kwargs)
            finally:
                self.quiet -= 1
        cls = static or label.split("#")[0]
        depth = self.depth
        self.write({"t": "call", "d": depth, "obj": label, "class": cls, "name": name,
                    "args": [self.json_of(a) for a in list(args) + list(kwargs.values())]})
        self.depth = depth + 1
        try:
            result = fn.__get__(obj, type(obj))(*args, **kwargs) if static is None else fn(*args, **kwargs)
        finally:
            self.depth = depth
        if result is not None:
            self.write({"t": "return", "d": depth, "obj": label, "class": cls, "name": name,
                        "value": self.json_of(result)})
        return result

    def json_of(self, v):
        """A value as lib/trace.ts writes it: objects by label, bytes as text when UTF-8, never a password."""
        N, C = self.QtNetwork, self.QtCore
        if v is None or isinstance(v, (bool, str)):
            return v
        if isinstance(v, enum.Enum):
            return v.value
        if isinstance(v, (int, float)):
            return v
        if isinstance(v, (bytes, bytearray, C.QByteArray)):
            return bytes_json(bytes(v))
        if isinstance(v, (list, tuple)):
            return [self.json_of(x) for x in v]
        if isinstance(v, C.QObject):
            return {"obj": self.label_of(v) or type(v).__name__}
        if isinstance(v, N.QHostAddress):
            return {"QHostAddress": v.toString()}
        if isinstance(v, C.QUrl):
            return {"QUrl": v.toString(C.QUrl.UrlFormattingOption.RemovePassword)}
        if isinstance(v, N.QNetworkRequest):
            return {"QNetworkRequest": v.url().toString(C.QUrl.UrlFormattingOption.RemovePassword)}
        if isinstance(v, N.QNetworkProxy):
            return {"QNetworkProxy": {"type": v.type().value, "hostName": v.hostName(), "port": v.port(),
                                      "user": v.user(), "password": "<hidden>" if v.password() else ""}}
        if isinstance(v, N.QAuthenticator):
            return {"QAuthenticator": {"user": v.user(), "password": "<hidden>" if v.password() else "",
                                       "realm": v.realm()}}
        if isinstance(v, N.QNetworkDatagram):
            return {"QNetworkDatagram": {"data": bytes_json(bytes(v.data())),
                                         "senderAddress": v.senderAddress().toString(),
                                         "senderPort": v.senderPort(),
                                         "destinationAddress": v.destinationAddress().toString(),
                                         "destinationPort": v.destinationPort()}}
        if isinstance(v, N.QSslError):
            return {"QSslError": v.error().value}
        if hasattr(v, "__int__") and type(v).__module__.startswith("sip"):
            return int(v)  # a socket descriptor (sip.voidptr)
        return {"type": type(v).__name__}


def bytes_json(b):
    try:
        return {"bytes": b.decode("utf-8")}
    except UnicodeDecodeError:
        return {"hex": b.hex()}


recorder = None


def install(path):
    """Patches PyQt6's QtNetwork classes and starts recording to path."""
    global recorder
    recorder = Recorder(path)
    C, N = recorder.QtCore, recorder.QtNetwork
    classes = [c for c in vars(N).values() if isinstance(c, type) and issubclass(c, C.QObject)]
    patched = set()
    for cls in classes:
        # A program's own objects: met when made.
        init = cls.__init__

        def made(self, *args, _init=init, **kwargs):
            _init(self, *args, **kwargs)
            if recorder.quiet == 0 and id(self) not in recorder.labels and threading.current_thread() is threading.main_thread():
                recorder.label_of(self)
        cls.__init__ = made
        for name in TRACED_CALLS:
            owner = next((c for c in cls.__mro__ if name in c.__dict__), None)
            if owner is None or (owner, name) in patched or owner.__module__ not in ("PyQt6.QtNetwork", "PyQt6.QtCore"):
                continue
            patched.add((owner, name))
            fn = owner.__dict__[name]

            def method(self, *args, _fn=fn, _name=name, **kwargs):
                return recorder.call(_fn, self, args, kwargs, _name)
            setattr(owner, name, method)
    for spec in TRACED_STATICS:
        cls_name, name = spec.split(".")
        cls = getattr(N, cls_name)
        fn = getattr(cls, name)

        def static(*args, _fn=fn, _name=name, _cls=cls_name, **kwargs):
            return recorder.call(_fn, None, args, kwargs, _name, _cls)
        setattr(cls, name, staticmethod(static))


def main(argv):
    out = os.environ.get("QTNETWORK_TRACE") or "qtnetwork-trace.jsonl"
    if len(argv) > 2 and argv[1] == "-o":
        out, argv = argv[2], [argv[0]] + argv[3:]
    if len(argv) < 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    install(out)
    sys.setprofile(recorder.profile)
    sys.argv = argv[1:]
    sys.path[0] = os.path.dirname(os.path.abspath(argv[1]))
    try:
        runpy.run_path(argv[1], run_name="__main__")
    except SystemExit as e:
        return e.code
    finally:
        sys.setprofile(None)
        recorder.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
