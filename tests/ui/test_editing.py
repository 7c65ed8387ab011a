# test_editing.py — an edit of a contract survives save and reopen; an
# invalid CVR number shows an inline error and saves nothing
#
# Copyright 2026 The Kontrakter authors
# SPDX-License-Identifier: GPL-3.0-or-later

import sys

from dogtail import rawinput

import ktui
from ktui import check, find_all, find_one, named, query, wait_until

CVR_ERROR = 'This is not a valid CVR number'


def showing(node):
    """Whether node is on screen: GTK 4.8 marks only windows as "showing",
    so this asks for a non-empty extent inside the window instead."""
    try:
        x, y, w, h = node.extents
    except Exception:
        return False
    return w > 0 and h > 0 and x >= 0 and y >= 0


def contract_page(app):
    return find_one(app.root, lambda n: n.name == 'KtContractPage' and showing(n),
                    'the contract page')


def suppliers_view(app):
    return find_one(app.root, lambda n: n.name == 'KtSuppliersView' and showing(n),
                    'the suppliers view')


def page_title(page):
    """The title of the page's header bar: "<number> – <name>"."""
    labels = find_all(page, lambda n: n.roleName == 'label' and ' – ' in n.name, 1)
    return labels[0].name if labels else None


def scroll_into_view(app, node):
    """Turns the mouse wheel over the form until node is inside the window,
    as a person scrolling down to a field would."""
    window = app.window()
    _, _, _, window_height = window.extents

    def visible():
        x, y, w, h = node.extents
        if y >= 60 and y + h <= window_height - 10:
            return True
        page_x, _, page_w, _ = window.extents
        rawinput.click(page_x + page_w // 2, window_height // 2, button=5 if y > 0 else 4)
        return False

    wait_until(visible, timeout=30, interval=0.3, message=f'{node.name!r} scrolled into view')


def replace_text(app, row, text):
    """Clicks into an entry row, selects what is there and types text."""
    scroll_into_view(app, row)
    row.click()
    rawinput.keyCombo('<Control>a')
    app.type(text)


def open_contract(app, number):
    """Searches the contract's number, then opens its row with Enter."""
    total = ktui.live_contract_count(app.portfolio)
    app.wait_summary_count(total)
    app.focus_table()
    app.type(number)
    app.wait_summary(rf'^\d+ of {total} contracts? ·')
    cell = find_one(app.table(), lambda n: n.roleName == 'table cell'
                    and find_all(n, named('label', number), 1), f'the row of {number}')
    cell.click()
    app.key('Return')
    page = contract_page(app)
    wait_until(lambda: (page_title(page) or '').startswith(number + ' – '),
               message=f'the page of {number} (title {page_title(page)!r})')
    return page


def test_contract_edit_survives_reopen(app):
    number, old_name, old_cost = query(
        app.portfolio, 'SELECT number, name, annual_cost FROM contracts '
                       'WHERE deleted_at IS NULL AND annual_cost IS NOT NULL '
                       'ORDER BY number LIMIT 1')[0]
    new_name = old_name + ' (fornyet)'
    # The test runs under C.UTF-8: amounts are typed the English way
    new_cost_text, new_cost = '1,234,567.50', 123456750
    check(old_cost != new_cost, 'the new annual cost differs from the old one')

    page = open_contract(app, number)
    save = app.button('Save', page)
    check(not save.sensitive, 'Save is insensitive before anything was changed')

    replace_text(app, find_one(page, named('text', 'Name'), 'the Name row'), new_name)
    replace_text(app, find_one(page, named('text', 'Annual Operating Cost'),
                               'the Annual Operating Cost row'), new_cost_text)
    wait_until(lambda: save.sensitive, message='Save to become sensitive after the edit')

    save.doActionNamed('click')
    wait_until(lambda: query(app.portfolio, 'SELECT name, annual_cost FROM contracts '
                                            'WHERE number = ? AND deleted_at IS NULL', number)
               == [(new_name, new_cost)],
               message='the edit to reach the file')
    wait_until(lambda: page_title(page) == f'{number} – {new_name}',
               message=f'the page title to show the new name (now {page_title(page)!r})')
    wait_until(lambda: not save.sensitive, message='Save to become insensitive once saved')

    # A colleague (here: the same user, later) opens the same file
    app.restart()
    page = open_contract(app, number)
    check(page_title(page) == f'{number} – {new_name}',
          f'after reopening the page shows the new name: {page_title(page)!r}')
    check(query(app.portfolio, 'SELECT annual_cost FROM contracts WHERE number = ? '
                               'AND deleted_at IS NULL', number) == [(new_cost,)],
          'the annual cost is still the new one')


def test_invalid_cvr_saves_nothing(app):
    supplier_id, name, cvr = query(
        app.portfolio, 'SELECT id, name, cvr FROM suppliers WHERE cvr IS NOT NULL '
                       'ORDER BY name LIMIT 1')[0]
    check(cvr != '12345678', 'the example supplier has another CVR number')
    audit_sql = "SELECT count(*) FROM audit_log WHERE entity = 'supplier' AND entity_id = ?"
    audit_before = query(app.portfolio, audit_sql, supplier_id)[0][0]
    version_before = query(app.portfolio, 'SELECT version FROM suppliers WHERE id = ?',
                           supplier_id)[0][0]
    app.wait_summary_count(ktui.live_contract_count(app.portfolio))

    app.show_view('Suppliers')
    view = suppliers_view(app)

    search = find_one(view, named('entry', 'Search Suppliers'), 'the supplier search')
    search.click()
    app.type(name)
    item = find_one(view, lambda n: n.roleName == 'label' and n.name == name and showing(n),
                    f'{name} in the list')
    item.click()
    cvr_row = find_one(view, named('text', 'CVR Number'), 'the CVR Number row')
    save = app.button('Save', view)
    wait_until(lambda: not save.sensitive, message='Save to be insensitive before any change')

    cvr_row.click()
    rawinput.keyCombo('<Control>a')
    app.type('12345678')

    error = find_one(view, lambda n: n.roleName == 'label' and n.name.startswith(CVR_ERROR)
                     and showing(n), 'the inline CVR error')
    check(CVR_ERROR in (cvr_row.description or ''),
          f'the CVR row describes its error to screen readers: {cvr_row.description!r}')
    check(not save.sensitive, 'Save is insensitive while the CVR number is invalid')

    # Neither the button nor the keyboard shortcut writes anything
    save.doActionNamed('click')
    rawinput.keyCombo('<Control>s')
    check(error.name.startswith(CVR_ERROR), 'the error is still shown')

    # Fixing the number takes the error away again
    rawinput.keyCombo('<Control>a')
    app.type(cvr)
    wait_until(lambda: not find_all(view, lambda n: n.roleName == 'label'
                                    and n.name.startswith(CVR_ERROR) and showing(n)),
               message='the CVR error to go away once the number is valid')
    rawinput.keyCombo('<Control>a')
    app.type('12345678')
    find_one(view, lambda n: n.roleName == 'label' and n.name.startswith(CVR_ERROR)
             and showing(n), 'the inline CVR error again')

    app.restart()
    check(query(app.portfolio, 'SELECT cvr FROM suppliers WHERE id = ?', supplier_id) == [(cvr,)],
          'the CVR number in the file is unchanged')
    check(query(app.portfolio, 'SELECT version FROM suppliers WHERE id = ?', supplier_id)
          == [(version_before,)], 'the supplier row was not written')
    check(query(app.portfolio, audit_sql, supplier_id)[0][0] == audit_before,
          'nothing about the supplier was added to the audit trail')


if __name__ == '__main__':
    sys.exit(ktui.main([
        test_contract_edit_survives_reopen,
        test_invalid_cvr_saves_nothing,
    ]))
