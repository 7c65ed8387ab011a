# test_timeline.py — the timeline (Tidslinje) is walked with the keyboard as a
# screen reader user would: each deadline is spoken as the focus reaches it,
# Enter opens its contract, and an overdue activity marked done there is no
# longer overdue on the timeline
#
# Copyright 2026 The Kontrakter authors
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import sys

import ktui
from ktui import check, find_one, query, wait_until
from test_editing import contract_page, showing
from test_upcoming import mark_done_button

MAX_STEPS = 400


def timeline(app):
    return find_one(app.root, lambda n: n.name == 'Timeline' and n.roleName == 'panel'
                    and showing(n), 'the timeline')


def go_to_timeline(app):
    app.wait_summary_count(ktui.live_contract_count(app.portfolio))
    app.show_view('Timeline')
    return timeline(app)


def overdue_one_offs(path):
    """Contract number → description of its open, overdue one-off activities
    whose description is unique in the file."""
    rows = query(path,
                 "SELECT c.number, a.description FROM activities a "
                 "JOIN contracts c ON c.id = a.contract_id "
                 "WHERE a.deleted_at IS NULL AND c.deleted_at IS NULL AND a.status = 'open' "
                 "AND a.recurrence = 'none' AND a.deadline < date('now', 'localtime') "
                 "AND (SELECT count(*) FROM activities b WHERE b.description = a.description "
                 "     AND b.deleted_at IS NULL) = 1")
    found = {}
    for number, description in rows:
        found.setdefault(number, []).append(description)
    return found


def spoken_number(text):
    """The contract number in a marker's spoken text, "Payment deadline —
    KT-2023-007 Økonomisystem, 10 January 2026, overdue"."""
    match = re.search(r' — (\S+) ', text)
    return match.group(1) if match else None


def test_walk_and_mark_done(app):
    candidates = overdue_one_offs(app.portfolio)
    check(candidates, 'the example has overdue one-off activities')

    view = go_to_timeline(app)
    hint = view.description
    check('arrow' in hint.lower(), f'before a marker has the focus, the timeline explains its keys: {hint!r}')

    # Into the timeline with the keyboard (Tab from the view's toolbar)
    for _ in range(20):
        if view.focused:
            break
        app.key('Tab')
    check(view.focused, 'Tab reaches the timeline')

    spoken = []
    target = None
    for _ in range(MAX_STEPS):
        app.key('Right')
        text = wait_until(lambda: view.description if view.description not in (spoken[-1:] or [hint])
                          else None, timeout=5, message='the spoken text to follow the focus')
        spoken.append(text)
        number = spoken_number(text)
        if text.endswith(', overdue') and number in candidates:
            target = (text, number)
            break
    check(len(spoken) > 1 and len(set(spoken)) == len(spoken),
          f'each step speaks another deadline: {spoken[:5]}')
    check(all(re.search(r', \d{1,2} [A-Z][a-z]+ \d{4}', s) for s in spoken),
          f'every spoken deadline names its date: {spoken[:5]}')
    check(target is not None, f'an overdue activity is reached within {MAX_STEPS} steps')
    text, number = target

    # Enter opens the contract of the focused deadline
    app.key('Return')
    page = contract_page(app)

    # … with the focus on the activity itself, so that is what is heard
    spoken_description = text.split(' — ')[0]
    focused = wait_until(lambda: [n for n in page.findChildren(lambda n: n.focused and showing(n))],
                         message='the focus on the contract page')
    names = [n.name for n in focused]
    check(any(name and name in candidates[number] for name in names),
          f'the activity {spoken_description!r} has the focus on its contract page: {names}')

    # Mark its overdue activity done there
    description = next(name for name in names if name in candidates[number])
    button = wait_until(lambda: mark_done_button(page, description),
                        message=f'the Mark Done button of {description!r}')[0]
    button.doActionNamed('click')
    wait_until(lambda: query(app.portfolio,
                             'SELECT status FROM activities WHERE description = ?',
                             description)[0][0] == 'done',
               message=f'{description!r} to be done in the file')

    # Back on the timeline, the same deadline keeps the focus and is now
    # spoken as done
    app.key('Escape')
    view = timeline(app)
    done = text[:-len(', overdue')] + ', done'
    wait_until(lambda: view.description == done,
               message=f'the focused deadline to be spoken as {done!r} (is {view.description!r})')


if __name__ == '__main__':
    sys.exit(ktui.main([
        test_walk_and_mark_done,
    ]))
