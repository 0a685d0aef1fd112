"""Fail unless an executed notebook holds a figure: some code cell's output carries an image/png."""
import json
import sys

path = sys.argv[1]
with open(path, encoding='utf-8') as f:
    notebook = json.load(f)
figures = [
    number
    for number, cell in enumerate(notebook['cells'], 1)
    if cell['cell_type'] == 'code'
    for output in cell.get('outputs', [])
    if 'image/png' in output.get('data', {})
]
if not figures:
    sys.exit(f'{path}: no cell output holds an image/png: the notebook drew no figure')
print(f'{path}: figure in cell {figures[0]}')
