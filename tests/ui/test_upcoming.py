# test_upcoming.py — the upcoming deadlines (Kommende frister): overdue items
# are listed, an activity marked done there leaves the open sections, stays
# done after reopening and shows as done on its contract's page; the activity
# editor refuses a repetition that ends before it starts
#
# Copyright 2026 The Kontrakter authors
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import re
import sys
import time

from dogtail import rawinput

import ktui
from ktui import check, find_all, find_one, named, query, wait_until
from test_editing import contract_page, open_contract, showing

UNTIL_ERROR = 'The repetition ends before the first deadline'
TYPE_LABELS = {
    'expiry': 'Expiry', 'renegotiation': 'Renegotiation', 'price_regulation': 'Price regulation',
    'option_exercise': 'Option exercise', 'partial_delivery': 'Partial delivery',
    'payment_deadline': 'Payment deadline', 'penalty': 'Penalty provision',
    'sla_kpi': 'SLA/KPI marker', 'milestone': 'Milestone', 'control_report': 'Control report',
    'status_meeting': 'Status meeting', 'steering_meeting': 'Steering group meeting',
    'other': 'Other activity',
}


def upcoming_view(app):
    return find_one(app.root, lambda n: n.name == 'KtUpcomingView' and showing(n),
                    'the upcoming deadlines view')


def go_to_upcoming(app):
    app.wait_summary_count(ktui.live_contract_count(app.portfolio))
    app.show_view('Upcoming')
    return upcoming_view(app)


def section_count(view, title):
    """The number in a section header such as "Overdue (12)", or None."""
    for label in find_all(view, named('label')):
        match = re.fullmatch(re.escape(title) + r' \((\d+)\)', label.name or '')
        if match:
            return int(match.group(1))
    return None


def choose_filter(app, view, label, item):
    """Picks an item of a filter drop-down of the view, as ktui's choose ()
    does for the portfolio."""
    dropdown = find_one(view, named('combo box', label), f'the {label} filter')
    toggle = find_one(dropdown, named('push button'), f'the {label} button')
    toggle.doActionNamed('click')
    lists = wait_until(lambda: find_all(dropdown, named('list'), 1), message=f'the {label} list')
    labels = [n.name for n in find_all(lists[0], named('label'))]
    check(item in labels, f'{item!r} is one of {labels}')
    time.sleep(0.5)
    app.key('Home')
    for _ in range(labels.index(item)):
        app.key('Down')
    app.key('Return')
    wait_until(lambda: find_all(toggle, named('label', item), 1),
               message=f'{label} to show {item!r}')


def mark_done_button(node, description):
    return [b for b in find_all(node, named('push button', f'Mark “{description}” Done'))
            if showing(b)]


def editor_window(app, title='New Activity'):
    return find_one(app.root, lambda n: n.name == title and n.roleName in ('filler', 'frame', 'dialog'),
                    f'the {title} window')


def type_into(app, row, text):
    """Clicks into an entry row (GTK 4.8 cannot grab the focus through
    AT-SPI), selects what is there and types text."""
    row.click()
    rawinput.keyCombo('<Control>a')
    app.type(text)


def choose_in_combo(app, row, position):
    """Opens a combo row and picks the item at position with the keyboard:
    GTK 4.8 reports positions inside a popover relative to the popover."""
    row.click()
    wait_until(lambda: find_all(row, named('list'), 1), message=f'the list of {row.name}')
    time.sleep(0.5)   # the popover takes the focus once it is mapped
    app.key('Home')
    for _ in range(position):
        app.key('Down')
    app.key('Return')


def add_activity(app, number, description, deadline, repeats=None, until=None):
    """Adds an activity to a contract through its page and the editor;
    returns the editor, still open when the values could not be saved."""
    page = open_contract(app, number)
    find_one(page, named('push button', 'Add Activity'), 'the Add Activity button') \
        .doActionNamed('click')
    editor = editor_window(app)
    type_into(app, find_one(editor, named('text', 'Description'), 'the Description row'),
              description)
    type_into(app, find_one(editor, named('text', 'Deadline'), 'the Deadline row'),
              deadline.isoformat())
    if repeats is not None:
        choose_in_combo(app, find_one(editor, named('combo box', 'Repeats'), 'the Repeats row'),
                        repeats)
    if until is not None:
        type_into(app, find_one(editor, named('text', 'Repeats Until (Optional)'),
                                'the Repeats Until row'), until.isoformat())
    return editor


def overdue_one_off(app):
    """An open, one-off, overdue activity whose description is unique."""
    rows = query(app.portfolio,
                 "SELECT a.id, a.description, c.number FROM activities a "
                 "JOIN contracts c ON c.id = a.contract_id "
                 "WHERE a.deleted_at IS NULL AND c.deleted_at IS NULL AND a.status = 'open' "
                 "AND a.recurrence = 'none' AND a.deadline < date('now', 'localtime') "
                 "AND (SELECT count(*) FROM activities b WHERE b.description = a.description "
                 "     AND b.deleted_at IS NULL) = 1 "
                 "ORDER BY a.deadline, c.number LIMIT 1")
    return rows[0] if rows else None


def test_mark_done_from_upcoming(app):
    today = datetime.date.today()
    target = overdue_one_off(app)
    if target is None:
        # An example without one: make one, as a person would
        number = query(app.portfolio, "SELECT number FROM contracts WHERE deleted_at IS NULL "
                                      "AND status = 'active' ORDER BY number LIMIT 1")[0][0]
        editor = add_activity(app, number, 'UI-test: overdue check',
                              today - datetime.timedelta(days=20))
        find_one(editor, named('push button', 'Save'), 'Save').doActionNamed('click')
        wait_until(lambda: overdue_one_off(app), message='the new activity in the file')
        app.restart()
        target = overdue_one_off(app)
    activity_id, description, number = target
    type_label = TYPE_LABELS[query(app.portfolio, 'SELECT type FROM activities WHERE id = ?',
                                   activity_id)[0][0]]

    view = go_to_upcoming(app)
    all_overdue = wait_until(lambda: section_count(view, 'Overdue'), message='an Overdue section')
    check(all_overdue > 0, f'there are overdue deadlines: {all_overdue}')
    # The list shows the rows on screen; the type narrows it down
    choose_filter(app, view, 'Type', type_label)
    overdue = wait_until(lambda: section_count(view, 'Overdue'),
                         message=f'overdue deadlines of the type {type_label}')
    check(0 < overdue <= all_overdue, f'{overdue} of {all_overdue} overdue are of the type')
    button = wait_until(lambda: mark_done_button(view, description),
                        message=f'the Mark Done button of {description!r}')[0]

    button.doActionNamed('click')
    wait_until(lambda: query(app.portfolio, 'SELECT status, done_date FROM activities WHERE id = ?',
                             activity_id) == [('done', today.isoformat())],
               message='the activity to be done in the file')
    wait_until(lambda: not mark_done_button(view, description),
               message='the activity to leave the open sections')
    wait_until(lambda: section_count(view, 'Overdue') in (overdue - 1, None),
               message=f'one overdue deadline less (now {section_count(view, "Overdue")})')
    check(not find_all(view, lambda n: n.roleName == 'label' and n.name
                       and description in n.name and showing(n)),
          'the activity is not listed any more')

    # It stays done when the portfolio is opened again
    app.restart()
    view = go_to_upcoming(app)
    wait_until(lambda: section_count(view, 'Overdue') is not None or
               find_all(view, named('label', 'Nothing Due'), 1),
               message='the upcoming deadlines after reopening')
    check(not mark_done_button(view, description) and
          not find_all(view, lambda n: n.roleName == 'label' and n.name
                       and description in n.name and showing(n)),
          'after reopening the activity is still not listed')
    check(query(app.portfolio, 'SELECT status FROM activities WHERE id = ?', activity_id)
          == [('done',)], 'the file still has it done')

    # The contract page lists it as done, with no Mark Done button
    app.show_view('Portfolio')
    page = open_contract(app, number)
    edit = find_one(page, named('push button', f'Edit “{description}”'),
                    f'the row of {description!r} on the contract page')
    suffixes = edit.parent
    check(find_all(suffixes, named('label', 'Done'), 1),
          'the activity row is tagged Done')
    check(not find_all(page, named('push button', f'Mark “{description}” Done'), 1),
          'a done activity offers no Mark Done')
    check(find_all(page, lambda n: n.roleName == 'label' and n.name
                   and f'Done {today.isoformat()} by' in n.name, 1),
          'the row says when and by whom it was done')


def test_repetition_before_deadline_saves_nothing(app):
    number = query(app.portfolio, "SELECT number FROM contracts WHERE deleted_at IS NULL "
                                  "AND status = 'active' ORDER BY number LIMIT 1")[0][0]
    count_sql = 'SELECT count(*) FROM activities WHERE description = ?'
    description = 'UI-test: månedlig kontrol'
    deadline = datetime.date.today() + datetime.timedelta(days=10)

    editor = add_activity(app, number, description, deadline, repeats=1,
                          until=deadline - datetime.timedelta(days=40))
    find_one(editor, lambda n: n.roleName == 'label' and n.name == UNTIL_ERROR,
             'the inline error of the repetition end')
    save = find_one(editor, named('push button', 'Save'), 'Save')
    check(not save.sensitive, 'Save is insensitive while the repetition ends too early')
    rawinput.keyCombo('<Control>s')
    check(query(app.portfolio, count_sql, description)[0][0] == 0, 'nothing was saved')

    until = find_one(editor, named('text', 'Repeats Until (Optional)'), 'the Repeats Until row')
    type_into(app, until, (deadline + datetime.timedelta(days=100)).isoformat())
    wait_until(lambda: not find_all(editor, named('label', UNTIL_ERROR), 1),
               message='the error to go away')
    wait_until(lambda: save.sensitive, message='Save to become sensitive')
    save.doActionNamed('click')
    wait_until(lambda: query(app.portfolio, 'SELECT recurrence, deadline, recurrence_until '
                                            'FROM activities WHERE description = ?', description)
               == [('monthly', deadline.isoformat(),
                    (deadline + datetime.timedelta(days=100)).isoformat())],
               message='the activity in the file')
    page = contract_page(app)
    find_one(page, named('push button', f'Edit “{description}”'), 'the new row on the page')


if __name__ == '__main__':
    sys.exit(ktui.main([
        test_mark_done_from_upcoming,
        test_repetition_before_deadline_saves_nothing,
    ]))
