#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What a software centre and Flathub read: the Flatpak manifest as
# flatpak-builder resolves it, the metainfo with appstreamcli's pedantic
# checks, the desktop file's search words and the app icons.
#
# Arguments: the built metainfo, the built desktop file, the source root.

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(__file__))
from testlib import check, finish  # noqa: E402

APP_ID = "io.github.backbreath.Backbreath"

metainfo, desktop, source_root = sys.argv[1:4]
manifest_path = os.path.join(source_root, "build-aux", "flatpak", APP_ID + ".json")

# The manifest as flatpak-builder reads it (it cannot fetch the runtime
# here, so it is not built).
shown = subprocess.run(["flatpak-builder", "--show-manifest", manifest_path],
                       capture_output=True, text=True)
check(shown.returncode == 0, f"flatpak-builder --show-manifest accepts the manifest: {shown.stderr.strip()}")
manifest = json.loads(shown.stdout) if shown.returncode == 0 else {}

check(manifest.get("id") == APP_ID, "the manifest builds the app's id")
check(manifest.get("runtime") == "org.gnome.Platform" and manifest.get("sdk") == "org.gnome.Sdk",
      "it builds against the GNOME runtime")
check(str(manifest.get("runtime-version", "0")).isdigit() and int(manifest["runtime-version"]) >= 49,
      f"a current GNOME runtime: {manifest.get('runtime-version')}")
check(manifest.get("command") == "backbreath", "it starts the window app")

# Only what the app uses: a display, sound, and the names the reminders
# watch for away time. Notifications and autostart go through portals.
expected = {
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--socket=pulseaudio",
    "--talk-name=org.gnome.Mutter.IdleMonitor",
    "--talk-name=org.gnome.ScreenSaver",
    "--system-talk-name=org.freedesktop.login1",
}
finish_args = set(manifest.get("finish-args", []))
check(finish_args == expected,
      f"minimal permissions: extra {sorted(finish_args - expected)}, missing {sorted(expected - finish_args)}")

modules = {module.get("name"): module for module in manifest.get("modules", []) if isinstance(module, dict)}
app = modules.get("backbreath", {})
check(app.get("buildsystem") == "meson", "the app module is built with meson")
sources = app.get("sources", [])
check(len(sources) == 1 and sources[0].get("type") == "dir" and
      os.path.isfile(os.path.join(os.path.dirname(manifest_path), sources[0].get("path", ""), "meson.build")),
      "the app module builds this source tree")
for name, module in modules.items():
    for source in module.get("sources", []):
        if source.get("type") == "archive":
            check(re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")) is not None and
                  source.get("url", "").startswith("https://"),
                  f"{name} is fetched over https and checked by its sha256")

# The metainfo: no error, warning or note from appstreamcli, pedantic.
validated = subprocess.run(["appstreamcli", "validate", "--no-net", "--pedantic", metainfo],
                           capture_output=True, text=True)
issues = [line for line in validated.stdout.splitlines()
          if re.match(r"^[EWI]: ", line)]
check(validated.returncode == 0 and not issues, f"appstreamcli validate --pedantic: {issues}")

tree = ET.parse(metainfo)
root = tree.getroot()
check(len(root.findall("./description/p")) >= 2 and len(root.findall("./description/ul/li")) >= 4,
      "the description says what the app does")
check(root.find("./content_rating[@type='oars-1.1']") is not None, "an OARS content rating")
check({c.get("scheme_preference") for c in root.findall("./branding/color[@type='primary']")} == {"light", "dark"},
      "branding colours for light and dark")
check({u.get("type") for u in root.findall("./url")} >= {"homepage", "bugtracker", "vcs-browser"},
      "homepage, issue and source links")
releases = root.findall("./releases/release")
check(len(releases) >= 1 and all(r.find("description") is not None for r in releases),
      "every release says what changed")
versions = [r.get("version") for r in releases]
with open(os.path.join(source_root, "meson.build")) as f:
    project_version = re.search(r"version:\s*'([^']+)'", f.read()).group(1)
check(versions[0] == project_version, f"the newest release is the project's version: {versions[0]} / {project_version}")

# Every screenshot is one build-aux/screenshots makes, in the tree.
images = [image.text.strip() for image in root.findall("./screenshots/screenshot/image")]
check(len(images) >= 3, "screenshots")
for url in images:
    path = url.split("/main/", 1)[-1]
    check(os.path.isfile(os.path.join(source_root, path)), f"the screenshot {path} is in the tree")

# The desktop file: search words beyond the name.
with open(desktop) as f:
    entries = dict(line.rstrip("\n").split("=", 1) for line in f if "=" in line and not line.startswith("#"))
keywords = [k for k in entries.get("Keywords", "").split(";") if k]
check(len(keywords) >= 5 and entries.get("Keywords", "").endswith(";"), f"the desktop file has keywords: {keywords}")
check(entries.get("Icon") == APP_ID, "the desktop file names the installed icon")

# The icons: a 128 px full-colour one and a 16 px single-colour one.
icons = os.path.join(source_root, "data", "icons", "hicolor")
svg = "{http://www.w3.org/2000/svg}svg"
scalable = ET.parse(os.path.join(icons, "scalable", "apps", APP_ID + ".svg")).getroot()
check(scalable.tag == svg and scalable.get("viewBox") == "0 0 128 128", "the app icon is drawn on 128 px")
symbolic_path = os.path.join(icons, "symbolic", "apps", APP_ID + "-symbolic.svg")
symbolic = ET.parse(symbolic_path).getroot()
with open(symbolic_path) as f:
    colours = set(re.findall(r"#[0-9a-fA-F]{3,6}", f.read()))
check(symbolic.tag == svg and symbolic.get("viewBox") == "0 0 16 16" and len(colours) <= 1,
      f"the symbolic icon is 16 px in one colour: {colours}")

sys.exit(finish())
