# test_matrix.py — the supplier matrix and the committee's presentation, used
# from the keyboard in the real app: the matrix speaks each supplier as the
# focus reaches it and Enter shows its details; F5 presents the portfolio,
# the keys page through the slides and Esc comes back
#
# Copyright 2026 The Kontrakter authors
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import sys
import time

import ktui
from ktui import check, find_one, query, wait_until
from test_editing import showing

SLIDES = 5


def go_to_matrix(app):
    app.wait_summary_count(ktui.live_contract_count(app.portfolio))
    app.show_view('Supplier Matrix')
    return find_one(app.root, lambda n: n.name == 'Supplier Matrix' and n.roleName == 'panel'
                    and showing(n), 'the supplier matrix')


def suppliers_with_live_contracts(path):
    rows = query(path,
                 "SELECT DISTINCT s.name FROM suppliers s JOIN contracts c ON c.supplier_id = s.id "
                 "WHERE c.deleted_at IS NULL "
                 "AND c.status IN ('planned', 'active', 'notice_given')")
    return {name for (name,) in rows}


def test_walk_and_show(app):
    live = suppliers_with_live_contracts(app.portfolio)
    check(len(live) > 10, f'the example has suppliers with live contracts: {len(live)}')
    matrix = go_to_matrix(app)
    hint = matrix.description
    check('arrow' in hint.lower(), f'before a bubble has the focus, the matrix explains its keys: {hint!r}')

    for _ in range(20):
        if matrix.focused:
            break
        app.key('Tab')
    check(matrix.focused, 'Tab reaches the matrix')

    # Home: the first supplier in tab order (the most important strategic one)
    app.key('Home')
    first = wait_until(lambda: matrix.description if matrix.description != hint else None,
                       timeout=5, message='Home to focus a supplier')
    spoken = [first]
    # The arrows move to the nearest supplier that way; at an edge nothing moves
    for key in ('Down', 'Left', 'Down', 'Left', 'End', 'Up'):
        app.key(key)
        time.sleep(0.5)
        if matrix.description != spoken[-1]:
            spoken.append(matrix.description)
    check(len(set(spoken)) >= 4, f'the arrows reach other suppliers: {spoken}')
    names = [s.split(',')[0] for s in spoken]
    check(all(name in live for name in names), f'each spoken bubble is a supplier with live contracts: {spoken}')
    check(all(re.search(r'importance \d+, risk \d+', s) for s in spoken),
          f'each supplier is spoken with its scores: {spoken}')
    check(spoken[0].split(',')[1].strip() == 'strategic',
          f'Home goes to the first strategic supplier: {spoken[0]!r}')

    # Enter shows the focused supplier's details, with its contracts
    app.key('Return')
    name = names[-1]
    find_one(app.root, lambda n: n.roleName == 'push button' and n.name == 'Show Supplier'
             and showing(n), 'the Show Supplier button of the details')
    find_one(app.root, lambda n: n.roleName == 'label' and n.name == name and showing(n),
             f'the name {name!r} in the details')


def test_present(app):
    app.wait_summary_count(ktui.live_contract_count(app.portfolio))
    app.focus_table()   # the keys go to the window with the focus
    app.key('F5')
    # Its title names the slide: "Key Figures (1 / 5)"
    is_presentation = lambda n: n.roleName == 'frame' and re.search(r'\(\d+ / \d+\)$', n.name or '')
    presentation = find_one(app.root, is_presentation, 'the presentation window')

    def counter():
        match = re.search(r'\((\d+ / \d+)\)$', presentation.name or '')
        return match.group(1) if match else None

    wait_until(lambda: counter() == f'1 / {SLIDES}', message=f'slide 1 of {SLIDES} (is {counter()!r})')
    find_one(presentation, lambda n: n.roleName == 'label' and n.name == 'Key Figures',
             'the key figures title')
    for key, expected in (('Right', 2), ('space', 3), ('Page_Down', 4), ('Left', 3),
                          ('End', SLIDES), ('Right', SLIDES), ('Home', 1), ('Left', 1)):
        app.key(key)
        wait_until(lambda: counter() == f'{expected} / {SLIDES}',
                   message=f'{key} to show slide {expected} (is {counter()!r})')

    app.key('Escape')
    wait_until(lambda: not [n for n in app.root.children if is_presentation(n)],
               message='Esc to leave the presentation')
    check(app.window() is not None, 'the main window is still there')


if __name__ == '__main__':
    sys.exit(ktui.main([
        test_walk_and_show,
        test_present,
    ]))
