package main

import (
	"context"
	"fmt"
	"sort"
)

func init() {
	register("scheme", "考核方案：scheme list|show|export|import|parse …（scheme help 查看详情）", runScheme)
}

// schemeCommands are the sub-commands of `scheme`, registered by the files
// that implement them.
var schemeCommands = map[string]command{}

func registerScheme(name, usage string, run func(m *Main, ctx context.Context, args []string) error) {
	schemeCommands[name] = command{usage: usage, run: run}
}

func runScheme(m *Main, ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(m.Stdout, "用法：xingji-cli [--db 数据库文件] scheme 子命令 [参数]\n\n子命令：")
		names := make([]string, 0, len(schemeCommands))
		for n := range schemeCommands {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			fmt.Fprintf(m.Stdout, "  %-10s %s\n", n, schemeCommands[n].usage)
		}
		return nil
	}
	cmd, ok := schemeCommands[args[0]]
	if !ok {
		return usageError{"未知的 scheme 子命令“" + args[0] + "”。运行 xingji-cli scheme help 查看可用子命令。"}
	}
	return cmd.run(m, ctx, args[1:])
}
