# test_shared.py — two Kontrakter processes on one portfolio file, as two
# colleagues on a network drive: a save in one shows up in the other, each
# sees the other in the window, and a concurrent edit of the same contract
# raises the field-by-field conflict dialog instead of overwriting anything
#
# Copyright 2026 The Kontrakter authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Registered as the meson test "shared-ui".

import sys

import ktui
from ktui import check, find_all, find_one, named, query, wait_until
from test_editing import open_contract, page_title, replace_text, showing

# The window polls the file every 2 s; allow for a slow, loaded machine.
REFRESH_TIMEOUT = 30


def colleague(app):
    """A second process on the same file; it opens on top of the first."""
    other = ktui.App(app.name + '-colleague', portfolio=app.portfolio, create_example=False)
    return other.start()


def presence_button(app, count):
    name = f'{count} colleague has this portfolio open' if count == 1 \
        else f'{count} colleagues have this portfolio open'
    return find_one(app.root, lambda n: n.name == name, f'the presence button ({name!r})',
                    timeout=REFRESH_TIMEOUT)


def shown_names(app):
    return {n.name for n in find_all(app.table(), named('label'))}


def test_save_shows_up_in_the_other_window(app):
    number, name = query(app.portfolio, 'SELECT number, name FROM contracts '
                                        'WHERE deleted_at IS NULL ORDER BY number LIMIT 1')[0]
    new_name = name + ' (ændret af en kollega)'
    app.wait_summary_count(ktui.live_contract_count(app.portfolio))
    check(new_name not in shown_names(app), 'the new name is not shown before the save')

    other = colleague(app)
    try:
        presence_button(app, 1)
        presence_button(other, 1)

        page = open_contract(other, number)
        replace_text(other, find_one(page, named('text', 'Name'), 'the Name row'), new_name)
        save = other.button('Save', page)
        wait_until(lambda: save.sensitive, message='Save to become sensitive after the edit')
        save.doActionNamed('click')
        wait_until(lambda: query(app.portfolio, 'SELECT name FROM contracts WHERE number = ? '
                                                'AND deleted_at IS NULL', number) == [(new_name,)],
                   message='the colleague’s save to reach the file')

        # The first window shows it without being told, and without a reopen
        wait_until(lambda: new_name in shown_names(app), timeout=REFRESH_TIMEOUT,
                   message='the first window to show the colleague’s new name')
    finally:
        other.cleanup()

    # Once the colleague has closed the file, the button goes away
    wait_until(lambda: not find_all(app.root, lambda n: n.name.endswith('this portfolio open')
                                    and showing(n), 1),
               timeout=REFRESH_TIMEOUT, message='the presence button to go once alone')


def test_concurrent_edit_raises_the_conflict_dialog(app):
    number, name, cost = query(
        app.portfolio, 'SELECT number, name, annual_cost FROM contracts '
                       'WHERE deleted_at IS NULL AND annual_cost IS NOT NULL '
                       'ORDER BY number LIMIT 1')[0]
    my_name = name + ' (min udgave)'
    their_cost_text, their_cost = '2,345,678.00', 234567800
    check(cost != their_cost, 'the colleague’s cost differs from the stored one')

    # I start editing the name and have not saved yet ...
    page = open_contract(app, number)
    replace_text(app, find_one(page, named('text', 'Name'), 'the Name row'), my_name)
    my_save = app.button('Save', page)
    wait_until(lambda: my_save.sensitive, message='my Save to become sensitive')

    # ... when a colleague changes the annual cost of the same contract and saves
    other = colleague(app)
    try:
        their_page = open_contract(other, number)
        replace_text(other, find_one(their_page, named('text', 'Annual Operating Cost'),
                                     'the Annual Operating Cost row'), their_cost_text)
        their_save = other.button('Save', their_page)
        wait_until(lambda: their_save.sensitive, message='their Save to become sensitive')
        their_save.doActionNamed('click')
        wait_until(lambda: query(app.portfolio, 'SELECT annual_cost FROM contracts WHERE '
                                                'number = ? AND deleted_at IS NULL', number)
                   == [(their_cost,)], message='the colleague’s save to reach the file')
    finally:
        other.cleanup()

    # The refresh leaves my unsaved edit alone and says what happened
    # (GTK 4.8 does not give an entry's text to AT-SPI: the merge below
    # shows that the edit survived)
    check(page_title(page) is not None, 'my contract page is still open')
    find_one(page, lambda n: n.roleName == 'label' and 'changed this contract at' in n.name,
             'the note that a colleague changed the contract', timeout=REFRESH_TIMEOUT)
    check(my_save.sensitive, 'my edit is still unsaved')

    # Saving now shows both versions instead of overwriting theirs
    my_save.doActionNamed('click')
    dialog = find_one(app.root, lambda n: n.name == 'Someone Else Changed This Contract'
                      and n.roleName in ('frame', 'dialog', 'window'),
                      'the conflict dialog', timeout=REFRESH_TIMEOUT)
    keep_mine = find_one(dialog, lambda n: n.name == 'Keep mine for Name', 'Keep mine for Name')
    keep_theirs = find_one(dialog, lambda n: n.name.startswith('Keep theirs for Annual'),
                           'Keep theirs for the annual cost')
    check(keep_mine.checked, 'my name is preselected: only I changed it')
    check(keep_theirs.checked, 'their cost is preselected: only they changed it')
    app.screenshot('conflict-dialog')

    app.button('Save', dialog).doActionNamed('click')
    wait_until(lambda: query(app.portfolio, 'SELECT name, annual_cost FROM contracts WHERE '
                                            'number = ? AND deleted_at IS NULL', number)
               == [(my_name, their_cost)],
               message='the merged contract (my name, their cost) to reach the file')
    resolved = query(app.portfolio, "SELECT field, detail FROM audit_log WHERE action = 'resolve' "
                                    "AND entity = 'contract' ORDER BY field")
    check(('annual_cost', 'theirs') in resolved and ('name', 'mine') in resolved,
          f'the choices are in the audit trail: {resolved!r}')


if __name__ == '__main__':
    sys.exit(ktui.main([
        test_save_shows_up_in_the_other_window,
        test_concurrent_edit_raises_the_conflict_dialog,
    ]))
