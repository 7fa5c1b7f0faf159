package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"xingji/cmd/office"
	"xingji/model"
)

// Main is the console program, testable in-process: output goes to Stdout and
// Stderr, and the environment is read through Getenv.
type Main struct {
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	dbPath         string
}

// NewMain returns a Main wired to the process's streams and environment.
func NewMain() *Main {
	return &Main{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
}

// command is one sub-command: its help line and its body.
type command struct {
	usage string
	run   func(m *Main, ctx context.Context, args []string) error
}

var commands = map[string]command{}

func register(name, usage string, run func(m *Main, ctx context.Context, args []string) error) {
	commands[name] = command{usage: usage, run: run}
}

// usageError is a mistake in the command line; it exits with status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// UserFacing marks the message as written for the user (model.UserError).
func (e usageError) UserFacing() {}

// Run runs the command line args (without the program name) and returns the
// exit status.
func (m *Main) Run(ctx context.Context, args []string) int {
	global := flag.NewFlagSet("xingji-cli", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	global.StringVar(&m.dbPath, "db", "", "数据库文件路径")
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			m.printHelp()
			return 0
		}
		return m.fail(usageError{"参数不正确：" + err.Error() + "。运行 xingji-cli help 查看用法。"})
	}
	rest := global.Args()
	if len(rest) == 0 || rest[0] == "help" || rest[0] == "-h" || rest[0] == "--help" {
		m.printHelp()
		return 0
	}
	cmd, ok := commands[rest[0]]
	if !ok {
		return m.fail(usageError{"未知命令“" + rest[0] + "”。运行 xingji-cli help 查看可用命令。"})
	}
	if err := cmd.run(m, ctx, rest[1:]); err != nil {
		return m.fail(err)
	}
	return 0
}

func (m *Main) fail(err error) int {
	fmt.Fprintln(m.Stderr, "错误："+model.ErrorMessage(err))
	var u usageError
	if errors.As(err, &u) {
		return 2
	}
	return 1
}

func (m *Main) printHelp() {
	fmt.Fprintln(m.Stdout, "星级考评 命令行工具\n\n用法：xingji-cli [--db 数据库文件] 命令 [参数]\n\n命令：")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(m.Stdout, "  %-14s %s\n", n, commands[n].usage)
	}
	fmt.Fprintln(m.Stdout, "\n未指定 --db 时使用环境变量 XINGJI_DB，否则使用用户数据目录下的 xingji/xingji.db。")
}

// open opens the office's database (from --db, XINGJI_DB or the default).
func (m *Main) open() (*office.Office, error) {
	path, err := m.resolvedPath()
	if err != nil {
		return nil, err
	}
	return office.Open(path)
}

// flags returns a flag set for a sub-command whose parse errors are usage
// errors in Chinese.
func flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return usageError{"命令 " + fs.Name() + " 的用法见 xingji-cli help"}
		}
		return usageError{fmt.Sprintf("命令 %s 的参数不正确：%v。运行 xingji-cli help 查看用法。", fs.Name(), err)}
	}
	return nil
}

// printJSON writes v as indented JSON with Chinese kept readable.
func (m *Main) printJSON(v any) error {
	enc := json.NewEncoder(m.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// table writes rows as aligned text columns (widths by display width, two
// cells per CJK character).
func (m *Main) table(header []string, rows [][]string) {
	widths := make([]int, len(header))
	all := append([][]string{header}, rows...)
	for _, r := range all {
		for i, c := range r {
			if w := displayWidth(c); w > widths[i] {
				widths[i] = w
			}
		}
	}
	for _, r := range all {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		fmt.Fprintln(m.Stdout, b.String())
	}
}

func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		if r >= 0x1100 {
			w += 2
		} else {
			w++
		}
	}
	return w
}
