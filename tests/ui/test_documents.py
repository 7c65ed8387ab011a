# test_documents.py — a contract's signed PDF opened from its page, a word
# found in it, and the match marked as a clause with the keyboard alone
# (Ctrl+F, Ctrl+M), which then appears in the Clauses panel
#
# Copyright 2026 The Kontrakter authors
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import sys
import time

import ktui
from ktui import check, find_all, find_one, named, query, wait_until
from test_editing import contract_page, open_contract, showing

WORD = 'opsigelse'
CATEGORY = 'Termination and notice'
CATEGORIES = ['Exit and handover', 'Termination and notice', 'Price and regulation', 'SLA/KPI',
              'Penalty', 'Option', 'Payment', 'Data protection', 'Liability', 'Other']


def signed_pdfs(path):
    """(contract number, document name, document id) of the signed PDFs,
    main contracts first."""
    return query(path,
                 "SELECT c.number, d.original_name, d.id FROM documents d "
                 "JOIN contracts c ON c.id = d.contract_id "
                 "WHERE d.deleted_at IS NULL AND c.deleted_at IS NULL "
                 "AND d.kind = 'signed_contract' AND d.media_type = 'application/pdf' "
                 "ORDER BY c.number NOT LIKE 'KT-%', c.number")


def clauses_of(path, document_id):
    return query(path,
                 'SELECT page, category, text FROM clauses '
                 'WHERE document_id = ? AND deleted_at IS NULL ORDER BY id',
                 document_id)


def document_window(app, name):
    return find_one(app.root, lambda n: n.roleName == 'frame' and n.name == name,
                    f'the window of {name!r}')


def is_mark_dialog(node):
    # GTK 4.8 gives a modal window the role "filler"
    return node.roleName in ('filler', 'frame', 'dialog') and node.name == 'Mark Clause'


def label_matching(node, pattern):
    regex = re.compile(pattern)
    labels = find_all(node, lambda n: n.roleName == 'label' and regex.match(n.name or ''), 1)
    return labels[0].name if labels else None


def test_find_and_mark(app):
    pdfs = signed_pdfs(app.portfolio)
    check(len(pdfs) >= 5, f'the example has signed contracts as PDFs: {len(pdfs)}')
    number, name, document_id = pdfs[0]
    before = clauses_of(app.portfolio, document_id)

    # The contract page lists the PDF; activating its row opens the viewer
    open_contract(app, number)
    page = contract_page(app)
    row = find_one(page, lambda n: n.roleName == 'list item' and n.name == name
                   and 'row.open' in n.actions, f'the row of {name!r}')
    row.doActionNamed('row.open')
    window = document_window(app, name)
    count = wait_until(lambda: label_matching(window, r'^of \d+$'), timeout=30,
                       message='the page count of the opened PDF')
    check(int(count.split()[1]) >= 3, f'the signed contract has several pages: {count!r}')

    # Find a word: every match counted, the first one current
    time.sleep(0.5)
    app.shortcut('<Control>f')
    find_one(window, lambda n: n.roleName == 'entry' and n.name == 'Find in the Document'
             and n.focused, 'the focused find entry')
    app.type(WORD)
    found = wait_until(lambda: label_matching(window, r'^1 of \d+$'), timeout=30,
                       message=f'"1 of N" for {WORD!r}')
    check(int(found.split()[-1]) >= 2, f'{WORD!r} is in the contract more than once: {found!r}')

    # Ctrl+M marks the current match; the dialog asks for the category
    app.shortcut('<Control>m')
    dialog = find_one(app.root, is_mark_dialog, 'the Mark Clause dialog')
    text = find_one(dialog, lambda n: n.roleName == 'label' and WORD in (n.name or '').lower(),
                    'the marked text in the dialog')
    combo = find_one(dialog, lambda n: n.roleName == 'combo box' and n.name.startswith('Category'),
                     'the category row')
    check(combo.focused or find_all(combo, lambda n: n.focused, 1), 'the category has the focus')
    app.key('space')
    lists = wait_until(lambda: find_all(app.root, lambda n: n.roleName == 'list'
                                        and find_all(n, named('label', CATEGORY), 1), 1),
                       message='the list of categories')
    time.sleep(0.5)   # the popover takes the focus once it is mapped
    app.key('Home')
    for _ in range(CATEGORIES.index(CATEGORY)):
        app.key('Down')
    app.key('Return')
    wait_until(lambda: find_all(combo, named('label', CATEGORY), 1),
               message=f'the category row to show {CATEGORY!r}')
    app.shortcut('<Control>s')
    wait_until(lambda: not [n for n in app.root.children if is_mark_dialog(n)],
               message='the dialog to close')

    # Stored with the page and words of the match
    after = wait_until(lambda: (lambda rows: rows if len(rows) == len(before) + 1 else None)(
        clauses_of(app.portfolio, document_id)), message='the new clause in the portfolio file')
    new = [row for row in after if row not in before]
    check(len(new) == 1, f'one new clause: {new}')
    page_index, category, clause_text = new[0]
    check(category == 'termination', f'stored as a termination clause: {category!r}')
    check(WORD in clause_text.lower(), f'the clause is the found word: {clause_text!r}')

    # The Clauses panel (F9, then its tab) lists it under its category
    app.key('F9')
    tab = find_one(window, lambda n: n.roleName == 'page tab' and n.name == 'Clauses',
                   'the Clauses tab')
    tab.doActionNamed('click')
    panel = find_one(window, lambda n: n.roleName == 'list' and n.name == 'Clauses', 'the clauses')
    spoken = f'Page {page_index + 1}: {clause_text}'
    find_one(panel, lambda n: n.roleName == 'list item' and n.name.startswith(spoken),
             f'the clause {spoken!r} in the panel')
    find_one(panel, named('label', CATEGORY), f'the heading {CATEGORY!r}')


if __name__ == '__main__':
    sys.exit(ktui.main([
        test_find_and_mark,
    ]))
