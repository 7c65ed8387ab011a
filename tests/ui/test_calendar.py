# test_calendar.py — the calendar export from the main menu, end to end
#
# Copyright 2026 The Kontrakter authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import time

import ktui
from ktui import check, wait_until


def test_export_from_menu(app):
    app.wait_summary_count(ktui.live_contract_count(app.portfolio))
    out = os.path.join(app.tmp, 'frister.ics')

    # F10 opens the primary menu, as a keyboard user would
    app.key('F10')
    ktui.find_one(app.root, ktui.named('menu item', 'Export Calendar…'),
                  'the Export Calendar item').doActionNamed('click')

    # GTK 4.8 gives the dialog the role "filler"; its name is the title
    chooser = ktui.find_one(app.root, lambda n: n.name == 'Export Calendar' and n.parent == app.root,
                            'the save dialog')
    ktui.find_one(chooser, ktui.named('text', 'Name:'), 'the name entry')
    # The name entry has the focus; a full path in it saves there
    time.sleep(0.5)
    app.shortcut('<Control>a')
    app.type(out)
    app.key('Return')

    done = ktui.find_one(app.root, lambda n: n.parent == app.root and
                         ktui.find_all(n, ktui.named('label', 'Calendar Exported'), 1),
                         'the "Calendar Exported" message', timeout=30)
    labels = [c.name for c in ktui.find_all(done, ktui.named('label'))]
    wait_until(lambda: os.path.exists(out), message=f'{out} to be written')

    with open(out, encoding='utf-8', newline='') as f:
        text = f.read()
    events = text.count('BEGIN:VEVENT\r\n')
    check(text.startswith('BEGIN:VCALENDAR\r\n'), 'the file is an iCalendar file')
    check(events > 0, 'the calendar has events')
    check(text.count('BEGIN:VALARM\r\n') > 0, 'the events have alarms')
    check(any(f'{events} deadlines were saved in “frister.ics”' in label for label in labels),
          f'the message tells how many deadlines were saved: {labels}')

    app.key('Escape')
    wait_until(lambda: not ktui.find_all(app.root, ktui.named('label', 'Calendar Exported'), 1),
               message='the message to close')


if __name__ == '__main__':
    raise SystemExit(ktui.main([test_export_from_menu]))
