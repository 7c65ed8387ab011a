# ktui.py — shared helpers of Kontrakter's end-to-end UI tests
#
# Copyright 2026 The Kontrakter authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The tests drive the real application through AT-SPI with dogtail, the way a
# person would: they run inside build-aux/ui-test-env.sh (Xvfb, a private
# D-Bus session, the accessibility bus) with Debian's /usr/bin/python3.
#
#     import ktui
#
#     def test_something(app):
#         app.wait_summary_count(ktui.live_contract_count(app.portfolio))
#
#     ktui.main([test_something])
#
# Each test gets a fresh copy of the generated example portfolio in a
# temporary folder and its own Kontrakter process, killed afterwards. A
# failing test leaves a screenshot in the meson log folder.

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback

SKIP = 77
EMPTY_CELL = 'Not set'   # the accessible name of an empty table cell (English)

BUILD_DIR = os.environ.get('KT_BUILD_DIR', '')
BINARY = os.environ.get('KONTRAKTER_BINARY') or os.path.join(BUILD_DIR, 'src', 'kontrakter')
LOG_DIR = os.environ.get('KT_UI_LOG_DIR') or os.path.join(BUILD_DIR, 'meson-logs')

# Without the session of ui-test-env.sh, importing dogtail.tree aborts
if not os.environ.get('DISPLAY') or not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
    print('SKIP: no display or D-Bus session; run the test through build-aux/ui-test-env.sh')
    sys.exit(SKIP)

try:
    from dogtail.config import config as _dogtail_config
    # GTK 4 needs no toolkit-accessibility key; ui-test-env.sh sets it anyway.
    _dogtail_config.checkForA11y = False
    _dogtail_config.logDebugToFile = False
    _dogtail_config.logDebugToStdOut = False
    _dogtail_config.defaultDelay = 0.2
    _dogtail_config.actionDelay = 0.2
    _dogtail_config.typingDelay = 0.05
    _dogtail_config.searchCutoffCount = 10
    from dogtail import tree, rawinput
    from gi.repository import Atspi
except (ImportError, ValueError) as error:  # ValueError: a gi typelib is missing
    print(f'SKIP: python3-dogtail is not available ({error})')
    sys.exit(SKIP)

# AT-SPI gives up on a method call after 800 ms by default. An action such as
# deleting a contract runs inside that call and reloads the views; on a busy
# machine (meson runs tests in parallel) that can take longer, and the call
# then fails although the app did what was asked. The tests wait for the
# effect themselves, so allow the app its time.
Atspi.set_timeout(15000, 30000)


class TestFailure(AssertionError):
    pass


def check(condition, message):
    if not condition:
        raise TestFailure(message)


def wait_until(predicate, timeout=20, message='condition', interval=0.2):
    """Polls predicate until it returns a true value, which is returned."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            value = predicate()
            if value:
                return value
        except Exception as error:  # the tree changes under our feet
            last_error = error
        if time.monotonic() > deadline:
            detail = f' (last error: {last_error})' if last_error else ''
            raise TestFailure(f'timed out after {timeout} s waiting for {message}{detail}')
        time.sleep(interval)


# Reading the portfolio file directly, without the application

def query(path, sql, *params):
    with sqlite3.connect(f'file:{path}?mode=ro', uri=True) as db:
        return db.execute(sql, params).fetchall()


def live_contract_count(path):
    return query(path, 'SELECT count(*) FROM contracts WHERE deleted_at IS NULL')[0][0]


# The accessible tree

def find_all(node, predicate, limit=100000):
    """Depth-first search that, unlike dogtail's, survives nodes vanishing."""
    found = []
    stack = [node]
    while stack and len(found) < limit:
        current = stack.pop()
        try:
            if predicate(current):
                found.append(current)
            children = current.children
        except Exception:
            continue
        stack.extend(reversed(children))
    return found


def find_one(node, predicate, what, timeout=20):
    return wait_until(lambda: (find_all(node, predicate, 1) or [None])[0],
                      timeout=timeout, message=what)


def named(role, name=None):
    def predicate(node):
        return node.roleName == role and (name is None or node.name == name)
    return predicate


class App:
    """One Kontrakter process on a fresh copy of the example portfolio."""

    def __init__(self, name, portfolio=None, language=None, create_example=True):
        self.name = name
        self.tmp = tempfile.mkdtemp(prefix='kt-ui-')
        if portfolio is None and create_example:
            portfolio = os.path.join(self.tmp, 'eksempel.kontrakter')
            create(portfolio)
        self.portfolio = portfolio
        self.language = language
        self.process = None
        self.root = None

    # Process

    def environment(self):
        env = dict(os.environ)
        env['GSETTINGS_BACKEND'] = 'memory'   # every run starts from the defaults
        env['XDG_DATA_HOME'] = os.path.join(self.tmp, 'data')
        env['XDG_CONFIG_HOME'] = os.path.join(self.tmp, 'config')
        env.pop('LANGUAGE', None)
        if self.language:
            env['LANGUAGE'] = self.language
            env['LC_ALL'] = 'da_DK.UTF-8' if self.language.startswith('da') else 'C.UTF-8'
        else:
            env['LC_ALL'] = 'C.UTF-8'
        return env

    def start(self, *extra_args):
        args = [BINARY, '--new-instance']
        if self.portfolio:
            args += ['--portfolio', self.portfolio]
        args += list(extra_args)
        self.process = subprocess.Popen(args, env=self.environment())
        pid = self.process.pid

        def find():
            check(self.process.poll() is None,
                  f'Kontrakter exited with status {self.process.returncode}')
            for application in tree.root.applications():
                try:
                    if application.get_process_id() == pid:
                        return application
                except Exception:
                    pass
            return None

        self.root = wait_until(find, timeout=30, message='Kontrakter on the accessibility bus')
        self.window()
        return self

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        self.root = None

    def restart(self):
        self.stop()
        return self.start()

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def screenshot(self, label):
        os.makedirs(LOG_DIR, exist_ok=True)
        path = os.path.join(LOG_DIR, f'ui-{self.name}-{label}.png')
        if shutil.which('import'):
            subprocess.run(['import', '-window', 'root', path], check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            print(f'# screenshot: {path}')
        return path

    # Finding things

    def window(self, timeout=20):
        return find_one(self.root, lambda n: n.roleName == 'frame' and n.name.startswith('Kontrakter'),
                        'the main window', timeout)

    def portfolio_view(self):
        return find_one(self.root, lambda n: n.name == 'KtPortfolioView', 'the portfolio view')

    def summary(self):
        """The text below the table, e.g. "87 contracts · DKK 1,234 per year"."""
        labels = find_all(self.portfolio_view(),
                          lambda n: n.roleName == 'label' and '·' in n.name, 1)
        return labels[0].name if labels else None

    def wait_summary(self, pattern, timeout=20):
        regex = re.compile(pattern)
        return wait_until(lambda: (lambda s: s if s and regex.search(s) else None)(self.summary()),
                          timeout=timeout, message=f'a summary matching {pattern!r} '
                                                   f'(now {self.summary()!r})')

    def wait_summary_count(self, shown, total=None, timeout=20):
        """Waits for "N contracts" or, when filtered, "N of T contracts"."""
        if total is None or total == shown:
            pattern = rf'^{shown} contracts? ·'
        else:
            pattern = rf'^{shown} of {total} contracts? ·'
        return self.wait_summary(pattern, timeout)

    def table(self):
        return find_one(self.portfolio_view(), named('tree table', 'Contracts'), 'the contracts table')

    def column_titles(self):
        header = find_one(self.table(), named('table row'), 'the header row')
        return [title.name for title in find_all(header, named('label'))]

    def rows(self):
        """The realized rows (GTK keeps up to 200) as lists of cell texts;
        an empty cell, which screen readers read as "Not set", is ''."""
        body = find_one(self.table(), named('list'), 'the table body')
        result = []
        for row in body.children:
            cells = []
            for cell in row.children:
                labels = find_all(cell, named('label'), 1)
                text = labels[0].name if labels else ''
                cells.append('' if text == EMPTY_CELL else text)
            result.append(cells)
        return result

    def show_view(self, name):
        """Switches the window to a view (Portfolio, Upcoming, …). The header's
        switcher has a wide and a narrow form and, in a narrow window, a bar at
        the bottom takes over; all report extents, so instead of clicking at a
        position this activates a tab of that name: they share one stack."""
        tab = find_one(self.root, lambda n: n.roleName == 'page tab' and n.name == name
                       and 'click' in n.actions, f'the {name} view switcher')
        tab.doActionNamed('click')

    def dropdown(self, label):
        return find_one(self.portfolio_view(), named('combo box', label), f'the {label} filter')

    def button(self, name, within=None):
        return find_one(within or self.root, lambda n: n.roleName in ('push button', 'toggle button')
                        and (n.name == name or n.name.endswith(' ' + name)), f'the {name} button')

    # Acting

    def focus_table(self):
        """Clicks the first cell, as a person starting to work would."""
        body = find_one(self.table(), named('list'), 'the table body')
        first = find_one(body, named('table cell'), 'a table cell')
        first.click()

    def type(self, text):
        rawinput.typeText(text)

    def key(self, name):
        """Presses one key, e.g. 'Escape', 'Return', 'Down'."""
        rawinput.pressKey(name)

    def shortcut(self, keys):
        """Presses a key combination, e.g. '<Control>n'."""
        rawinput.keyCombo(keys)

    def choose(self, dropdown_label, item):
        """Opens a filter drop-down and picks the item with this label, with
        the keyboard: GTK 4.8 reports positions inside a popover relative to
        the popover, so a pointer click would land elsewhere."""
        dropdown = self.dropdown(dropdown_label)
        toggle = find_one(dropdown, named('push button'), f'the {dropdown_label} button')
        toggle.doActionNamed('click')
        labels = wait_until(lambda: self._list_labels(dropdown),
                            message=f'the items of the {dropdown_label} list')
        check(item in labels, f'{item!r} is not one of {labels}')
        time.sleep(0.5)   # the popover takes the focus once it is mapped
        self.key('Home')
        for _ in range(labels.index(item)):
            self.key('Down')
        self.key('Return')
        wait_until(lambda: find_all(toggle, named('label', item), 1),
                   message=f'{dropdown_label} to show {item!r}')

    @staticmethod
    def _list_labels(dropdown):
        lists = find_all(dropdown, named('list'), 1)
        if not lists:
            return None
        return [label.name for label in find_all(lists[0], named('label'))] or None


def create(path):
    result = subprocess.run([BINARY, '--create-example', path], capture_output=True, text=True,
                            env=dict(os.environ, LC_ALL='C.UTF-8'))
    check(result.returncode == 0,
          f'kontrakter --create-example failed ({result.returncode}): {result.stderr}')
    check(os.path.exists(path), f'--create-example did not write {path}')


def main(tests):
    """Runs each test(app) with its own application. Prints TAP-like
    lines for the log; the exit status is what meson reads (77: skipped)."""
    if not os.path.exists(BINARY):
        print(f'{BINARY} is not built')
        return 99

    print(f'1..{len(tests)}')
    failures = 0
    for number, test in enumerate(tests, start=1):
        name = test.__name__.removeprefix('test_')
        app = App(name)
        try:
            app.start()
            test(app)
        except Exception as error:
            failures += 1
            app.screenshot('failure')
            for line in traceback.format_exc().splitlines():
                print(f'# {line}')
            print(f'not ok {number} - {name}: {error}')
        else:
            print(f'ok {number} - {name}')
        finally:
            app.cleanup()
        sys.stdout.flush()

    return 1 if failures else 0
