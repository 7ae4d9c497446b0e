#!/usr/bin/env python3
"""Browser tests of a built site: headless Chromium driven by Selenium.

usage: test_site.py PATH-TO-RUNBOOK-BINARY

Makes a Git repository of runbooks in a temporary folder (fixed authors and
dates), runs `runbook build` on it, and checks in a real browser that the
index lists the runbooks, that search narrows the list, that copy buttons copy
a step's command, that an alert page leads to its runbook, and that the layout
holds at phone width. The site is opened both from file:// and over HTTP under
a sub-path, since both must work. `make test` runs this after the Swift tests.
"""
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import unittest

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

RUNBOOK = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else None

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Ada Lovelace", "GIT_AUTHOR_EMAIL": "ada@example.com",
    "GIT_COMMITTER_NAME": "Ada Lovelace", "GIT_COMMITTER_EMAIL": "ada@example.com",
    "GIT_AUTHOR_DATE": "2024-03-01T10:00:00Z", "GIT_COMMITTER_DATE": "2024-03-01T10:00:00Z",
    "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "LC_ALL": "C", "TZ": "UTC",
}


def runbook_text(title, alert, diagnosis, mitigation):
    return f"""---
title: {title}
owner: team-sre
severity: high
status: approved
alerts: [{alert}]
tags: [browser-test]
---
# {title}

## Summary
What this is about.

## Symptoms
Something is wrong.

## Diagnosis
```bash {{name=look}}
{diagnosis}
```
```bash {{name=look-again}}
uptime
```

## Mitigation
```bash {{name=fix}}
{mitigation}
```

## Root Cause Fix
Find out why.

## Escalation
Page the owner.
"""


RUNBOOKS = {
    "runbooks/dns/resolution.md": runbook_text(
        "DNS resolution fails", "CoreDNSDown", "dig @10.0.0.10 zebracorn.example", "kubectl rollout restart deploy coredns"),
    "runbooks/disk/full.md": runbook_text(
        "Disk is full", "NodeDiskFull", "df -h /var", "journalctl --vacuum-size=500M"),
    "runbooks/etcd/no-leader.md": runbook_text(
        "etcd has no leader", "etcdNoLeader", "etcdctl endpoint status --cluster", "systemctl restart etcd"),
}


def git(repo, *args):
    env = dict(GIT_ENV, PATH=os.environ.get("PATH", "/usr/bin:/bin"), HOME=repo)
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, stdout=subprocess.DEVNULL)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class SiteInBrowserTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="runbook-browser-")
        repo = os.path.join(cls.folder, "repo")
        os.makedirs(repo)
        git(repo, "init", "-q", "-b", "main")
        for path, text in RUNBOOKS.items():
            os.makedirs(os.path.dirname(os.path.join(repo, path)), exist_ok=True)
            with open(os.path.join(repo, path), "w", encoding="utf-8") as file:
                file.write(text)
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "Add runbooks")
        # Under a sub-path of the served folder: links must not assume the root.
        cls.site = os.path.join(cls.folder, "served", "sub", "path")
        result = subprocess.run([RUNBOOK, "build", "--repo", repo, "--out", cls.site], capture_output=True, text=True)
        if result.returncode != 0:
            raise AssertionError(f"runbook build failed ({result.returncode}): {result.stderr}")

        handler = functools.partial(QuietHandler, directory=os.path.join(cls.folder, "served"))
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.http_root = f"http://127.0.0.1:{cls.server.server_address[1]}/sub/path/"

        options = webdriver.ChromeOptions()
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
            options.add_argument(argument)
        binary = shutil.which("chromium")
        if binary:
            options.binary_location = binary
        driver_path = shutil.which("chromedriver")
        service = Service(driver_path) if driver_path else Service()
        cls.driver = webdriver.Chrome(options=options, service=service)
        cls.driver.implicitly_wait(0)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.shutdown()
        shutil.rmtree(cls.folder, ignore_errors=True)

    def setUp(self):
        self.driver.set_window_size(1280, 900)

    def file_url(self, relative):
        return "file://" + os.path.join(self.site, relative)

    def visible_rows(self):
        rows = self.driver.find_elements(By.CSS_SELECTOR, "[data-runbook-table] tbody tr")
        return [row for row in rows if row.is_displayed()]

    def wait_until(self, condition, message):
        WebDriverWait(self.driver, 10).until(lambda _: condition(), message)

    def test_index_lists_every_runbook_from_file_and_http(self):
        for url in (self.file_url("index.html"), self.http_root):
            self.driver.get(url)
            titles = sorted(row.find_element(By.CSS_SELECTOR, "a").text for row in self.visible_rows())
            self.assertEqual(titles, ["DNS resolution fails", "Disk is full", "etcd has no leader"], url)

    def test_typing_a_word_from_a_command_narrows_the_list_to_its_runbook(self):
        self.driver.get(self.file_url("index.html"))
        search = self.driver.find_element(By.CSS_SELECTOR, "input[type=search]")
        search.send_keys("zebracorn")
        self.wait_until(lambda: len(self.visible_rows()) == 1, "search did not narrow the list to one row")
        self.assertEqual(self.visible_rows()[0].find_element(By.CSS_SELECTOR, "a").text, "DNS resolution fails")
        search.send_keys(Keys.CONTROL, "a")
        search.send_keys(Keys.DELETE)
        self.wait_until(lambda: len(self.visible_rows()) == 3, "clearing the search did not bring every row back")

    def test_a_runbook_page_shows_its_steps_with_working_copy_buttons(self):
        self.driver.get(self.http_root)
        self.driver.execute_cdp_cmd("Browser.grantPermissions", {
            "origin": self.http_root.split("/sub/")[0],
            "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"],
        })
        self.driver.find_element(By.LINK_TEXT, "DNS resolution fails").click()
        self.wait_until(lambda: self.driver.find_element(By.TAG_NAME, "h1").text == "DNS resolution fails", "no runbook page")
        page = self.driver.page_source
        for step in ("look", "look-again", "fix"):
            self.assertIn(step, page)
        button = next(b for b in self.driver.find_elements(By.CSS_SELECTOR, "button.copy")
                      if b.get_attribute("data-copy") == "dig @10.0.0.10 zebracorn.example")
        self.assertTrue(button.is_displayed(), "copy buttons are shown once JavaScript runs")
        button.click()
        copied = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('ERROR ' + e));")
        self.assertEqual(copied, "dig @10.0.0.10 zebracorn.example")

    def test_an_alert_page_leads_to_its_runbook(self):
        self.driver.get(self.file_url("alerts/etcdNoLeader/index.html"))
        self.wait_until(lambda: "runbooks/etcd/no-leader/" in self.driver.current_url, "the alert page did not lead to the runbook")
        self.assertEqual(self.driver.find_element(By.TAG_NAME, "h1").text, "etcd has no leader")

    def test_the_layout_holds_at_phone_width(self):
        self.driver.set_window_size(375, 812)
        for page in ("index.html", "runbooks/dns/resolution/index.html", "history/dns/resolution/index.html"):
            self.driver.get(self.file_url(page))
            self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "main h1"), f"{page} did not load")
            overflow = self.driver.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
            self.assertLessEqual(overflow, 0, f"{page} scrolls sideways at 375 px")


if __name__ == "__main__":
    if not RUNBOOK:
        sys.exit(__doc__)
    unittest.main(verbosity=2)
