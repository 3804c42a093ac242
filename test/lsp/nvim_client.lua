-- Neovim's own LSP client (0.7 API) attached to `async-tidy lsp` on one
-- file: records the diagnostics the editor holds after opening the file and
-- after an edit in the buffer, then stops the server. Driven by neovim.test.
--   ASYNC_TIDY  the async-tidy executable
--   SOURCE      the file to open
--   OUT         where the record goes
local server, source, out =
  os.getenv("ASYNC_TIDY"), os.getenv("SOURCE"), os.getenv("OUT")
local record = {}

local function finish(status)
  vim.fn.writefile(record, out)
  vim.cmd(status == 0 and "qa!" or "cq!")
end

local function run()
  vim.cmd("edit " .. vim.fn.fnameescape(source))
  local buffer = vim.api.nvim_get_current_buf()
  local published = 0
  local exit_code = nil
  local client = vim.lsp.start_client({
    name = "async-tidy",
    cmd = { server, "lsp", "--debounce-ms=100" },
    root_dir = vim.fn.fnamemodify(source, ":p:h"),
    handlers = {
      ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
        vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
        published = published + 1
      end,
    },
    on_exit = function(code) exit_code = code end,
  })
  assert(client, "the client did not start")
  vim.lsp.buf_attach_client(buffer, client)

  local function wait_for(count, what)
    assert(vim.wait(300000, function() return published >= count end, 50),
           "no " .. what .. " within 300 s")
  end
  local function show(title)
    table.insert(record, title)
    local diagnostics = vim.diagnostic.get(buffer)
    table.sort(diagnostics, function(a, b)
      return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
    end)
    for _, d in ipairs(diagnostics) do
      table.insert(record, string.format("%d:%d %s %s [%s] %s", d.lnum + 1,
        d.col + 1, vim.diagnostic.severity[d.severity], d.source, d.code,
        d.message))
    end
  end

  wait_for(1, "diagnostics after opening the file")
  show("opened:")
  -- An edit in the editor, not on disk: delete the line that sleeps.
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buffer, 0, -1, false)) do
    if line:find("sleep_for", 1, true) then
      vim.api.nvim_buf_set_lines(buffer, i - 1, i, false, {})
      break
    end
  end
  wait_for(2, "diagnostics after the edit")
  show("edited:")
  vim.lsp.stop_client(client)
  assert(vim.wait(30000, function() return exit_code ~= nil end, 50),
         "the server did not exit")
  table.insert(record, "server exit code " .. exit_code)
end

local ok, err = pcall(run)
if not ok then
  table.insert(record, "error: " .. tostring(err))
  finish(1)
end
finish(0)
