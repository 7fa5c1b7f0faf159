#!/usr/bin/python3
"""Drop files onto an X11 window by the XDND protocol, as a file manager
would: works for a Linux Fyne window and for a Wine window alike. Copied from
the project's shared test tools. usage: xdnd-drop.py TITLE-SUBSTRING FILE...  (DISPLAY must be set)"""
import sys, time, urllib.parse
from Xlib import X, display, Xatom
from Xlib.protocol import event

def find(d, want):
    def walk(w):
        try:
            name = w.get_full_property(d.intern_atom("_NET_WM_NAME"), d.intern_atom("UTF8_STRING"))
            title = name.value.decode() if name else (w.get_wm_name() or "")
        except Exception:
            title = ""
        if isinstance(title, bytes): title = title.decode("utf-8", "replace")
        if want in title:
            return w
        try:
            for c in w.query_tree().children:
                r = walk(c)
                if r: return r
        except Exception:
            pass
    return walk(d.screen().root)

def main():
    want, files = sys.argv[1], sys.argv[2:]
    d = display.Display()
    target = None
    for _ in range(50):
        target = find(d, want)
        if target: break
        time.sleep(0.2)
    if not target:
        sys.exit("no window titled like " + want)
    # XDND is spoken to the window that advertises XdndAware (the frame or the client).
    aware = d.intern_atom("XdndAware")
    w = target
    while w and not w.get_full_property(aware, X.AnyPropertyType):
        parent = w.query_tree().parent
        if parent == d.screen().root or parent is None: break
        w = parent
    if not w.get_full_property(aware, X.AnyPropertyType):
        # look among children
        for c in target.query_tree().children:
            if c.get_full_property(aware, X.AnyPropertyType): w = c; break
    src = d.screen().root.create_window(0, 0, 1, 1, 0, X.CopyFromParent)
    A = lambda n: d.intern_atom(n)
    uri_list = A("text/uri-list")
    payload = "".join("file://" + urllib.parse.quote(f) + "\r\n" for f in files).encode()
    src.set_selection_owner(A("XdndSelection"), X.CurrentTime)
    def cm(typ, data):
        ev = event.ClientMessage(window=w, client_type=A(typ), data=(32, data))
        w.send_event(ev); d.flush()
    geo = w.get_geometry(); pos = w.translate_coords(d.screen().root, 0, 0)
    # XdndPosition carries the pointer in root coordinates.
    x, y = -pos.x + geo.width // 2, -pos.y + geo.height // 2
    o = d.screen().root.translate_coords(w, geo.width // 2, geo.height // 2)
    x, y = o.x, o.y
    cm("XdndEnter", [src.id, 5 << 24, uri_list, 0, 0])
    cm("XdndPosition", [src.id, 0, (x << 16) | y, X.CurrentTime, A("XdndActionCopy")])
    deadline = time.time() + 10; dropped = False; done = False
    while time.time() < deadline and not done:
        while d.pending_events():
            e = d.next_event()
            if e.type == X.ClientMessage and e.client_type == A("XdndStatus") and not dropped:
                cm("XdndDrop", [src.id, 0, X.CurrentTime, 0, 0]); dropped = True
            elif e.type == X.SelectionRequest:
                prop = e.property or e.target
                e.requestor.change_property(prop, e.target, 8, payload)
                n = event.SelectionNotify(time=e.time, requestor=e.requestor, selection=e.selection,
                                          target=e.target, property=prop)
                e.requestor.send_event(n); d.flush()
            elif e.type == X.ClientMessage and e.client_type == A("XdndFinished"):
                done = True
        time.sleep(0.05)
    if not dropped: sys.exit("the window never answered XdndPosition")
    print("dropped %d file(s) on %r%s" % (len(files), want, "" if done else " (no XdndFinished)"))

main()
