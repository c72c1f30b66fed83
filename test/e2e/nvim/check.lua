-- Neovim (>= 0.7; Debian bookworm ships 0.7.2) headless: a second, independent LSP client of Tally's
-- language server (`node dist/server.js --stdio`) on a copy of samples/seed-report.md.
-- Usage: nvim --headless --clean -n -i NONE -c "luafile check.lua" /scratch/seed-report.md
-- Env:   SERVER_JS (default dist/server.js), NODE (default node)
-- Checks: diagnostics include score-sum on 表 3-4's 合计 row; hover on its 18.73 is non-empty;
-- a code action there, applied, changes the buffer (18.73 -> 18.72) and the server re-checks it.
-- Prints `nvim: N passed, M failed` and exits 0 only when all passed.
local function out(s) io.stdout:write(s .. '\n') end
local passed, failed = 0, 0
local function ok(what) passed = passed + 1; out('ok   ' .. what) end
local function bad(what) failed = failed + 1; out('FAIL ' .. what) end
local function finish()
  out(string.format('nvim: %d passed, %d failed', passed, failed))
  if failed > 0 then vim.cmd('cquit 1') else vim.cmd('qall!') end
end

local server = os.getenv('SERVER_JS') or 'dist/server.js'
local node = os.getenv('NODE') or 'node'
local bufnr = vim.api.nvim_get_current_buf()
local fname = vim.api.nvim_buf_get_name(bufnr)
if fname == '' then bad('no file given'); return finish() end
vim.bo[bufnr].filetype = 'markdown'

-- locate 表 3-4's 合计 row and the 18.73 on it, by text (never by line number)
local function find_total()
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local caption
  for i, l in ipairs(lines) do
    if not l:match('^%s*|') and l:find('表%s*3%s*%-%s*4') then
      local j = i + 1
      while j <= #lines and lines[j]:match('^%s*$') do j = j + 1 end
      if j <= #lines and lines[j]:match('^%s*|') then caption = i; break end
    end
  end
  if not caption then return nil end
  local i = caption + 1
  while i <= #lines and not lines[i]:match('^%s*|') do i = i + 1 end
  while i <= #lines and lines[i]:match('^%s*|') do
    if lines[i]:find('合计', 1, true) then
      local s = lines[i]:find('18.73', 1, true)
      if s then return i - 1, s - 1, lines[i] end -- 0-based line, 0-based byte column
    end
    i = i + 1
  end
  return nil
end

local lnum, bcol = find_total()
if not lnum then bad('no 合计 row with 18.73 after 表 3-4 in ' .. fname); return finish() end
local line_text = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1]
local _, c16 = vim.str_utfindex(line_text, bcol)
local cell = { start = { line = lnum, character = c16 }, ['end'] = { line = lnum, character = c16 + 5 } }
out(string.format('合计 of 表 3-4 is line %d, 18.73 at utf-16 column %d', lnum + 1, c16))

local t0 = vim.loop.hrtime()
local function ms() return (vim.loop.hrtime() - t0) / 1e6 end
local client_id = vim.lsp.start_client({
  name = 'tally',
  cmd = { node, server, '--stdio' },
  root_dir = vim.fn.fnamemodify(fname, ':p:h'),
  on_exit = function(code) if code ~= 0 then out('server exited with ' .. code) end end,
})
if not client_id then bad('start_client failed'); return finish() end
vim.lsp.buf_attach_client(bufnr, client_id)

local function code_of(d)
  if d.code ~= nil then return tostring(d.code) end
  local lsp = d.user_data and d.user_data.lsp
  return lsp and lsp.code and tostring(lsp.code) or nil
end
local function score_sum_on_total()
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if code_of(d) == 'score-sum' and d.lnum == lnum then return d end
  end
end

-- 1. diagnostics
local got = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
local diags = vim.diagnostic.get(bufnr)
for _, d in ipairs(diags) do
  out(string.format('DIAG %d:%d-%d sev=%d [%s/%s] %s', d.lnum + 1, d.col, d.end_col, d.severity, tostring(d.source),
    tostring(code_of(d)), (d.message or ''):gsub('\n', ' ')))
end
if not got then bad('no diagnostics within 20 s')
elseif score_sum_on_total() then ok(string.format('score-sum on the 合计 row (diagnostics after %.0f ms)', ms()))
else bad('no score-sum diagnostic on line ' .. (lnum + 1)) end

-- 2. hover on 18.73
local hres = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = lnum, character = c16 + 2 } }, 5000)
local hover = hres and hres[client_id] and hres[client_id].result
local htext = ''
if hover and hover.contents then
  local c = hover.contents
  if type(c) == 'string' then htext = c
  elseif c.value then htext = c.value
  else for _, p in ipairs(c) do htext = htext .. (type(p) == 'string' and p or p.value or '') .. '\n' end end
end
out('HOVER ' .. htext:gsub('\n', ' | '))
if htext:match('%S') then ok('hover on 18.73 is non-empty') else bad('no hover on 18.73') end

-- 3. code action on 18.73, applied
local lsp_diags = {}
if vim.lsp.diagnostic.get_line_diagnostics then
  lsp_diags = vim.lsp.diagnostic.get_line_diagnostics(bufnr, lnum, {}, client_id) or {}
end
local cres = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) }, range = cell, context = { diagnostics = lsp_diags } }, 5000)
local actions = cres and cres[client_id] and cres[client_id].result or {}
for _, a in ipairs(actions) do
  out(string.format('ACTION "%s" kind=%s preferred=%s', a.title, tostring(a.kind), tostring(a.isPreferred)))
end
local action
for _, a in ipairs(actions) do if a.isPreferred then action = a; break end end
action = action or actions[1]
if not action then bad('no code action on 18.73')
else
  if not action.edit and action.data then -- lazily resolved edit
    local rres = vim.lsp.buf_request_sync(bufnr, 'codeAction/resolve', action, 5000)
    action = rres and rres[client_id] and rres[client_id].result or action
  end
  local before = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  if action.edit then vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16') end
  if action.command then
    local cmd = type(action.command) == 'table' and action.command or action
    vim.lsp.buf_request_sync(bufnr, 'workspace/executeCommand', { command = cmd.command, arguments = cmd.arguments }, 5000)
  end
  local after = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  local total_after = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1]
  out('合计 after: ' .. total_after)
  if after == before then bad('the code action "' .. action.title .. '" did not change the buffer')
  else
    ok('code action "' .. action.title .. '" changed the buffer')
    -- 4. the server re-checks the changed buffer: no score-sum left on the 合计 row
    if vim.wait(10000, function() return score_sum_on_total() == nil end, 20) then
      ok('after the fix the server republished without score-sum on the 合计 row')
    else bad('score-sum still on the 合计 row 10 s after the fix') end
  end
end

vim.lsp.stop_client(client_id)
vim.wait(2000, function() return vim.lsp.client_is_stopped(client_id) end, 20)
out(string.format('total %.0f ms', ms()))
finish()
