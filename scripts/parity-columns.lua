-- A "columns" div (one "column" div per column) becomes a one-row table with a cell per column: the two-column
-- layout resume builders make in Word. For plain text (.txt) the div is left alone, so the columns read one after
-- the other, as a reader that flattens the table would give them.
function Div(el)
  if not el.classes:includes('columns') or FORMAT == 'plain' then return nil end
  local cells, widths, aligns = {}, {}, {}
  for _, c in ipairs(el.content) do
    if c.t == 'Div' then
      table.insert(cells, c.content)
      table.insert(aligns, pandoc.AlignDefault)
    end
  end
  -- The first column is the narrow one (contact, skills).
  for i = 1, #cells do widths[i] = (i == 1) and 0.32 or (0.68 / (#cells - 1)) end
  return pandoc.utils.from_simple_table(pandoc.SimpleTable({}, aligns, widths, {}, { cells }))
end
