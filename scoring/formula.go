package scoring

import (
	"fmt"
	"sync"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"

	"xingji/model"
)

// formulaBuiltins are the only expr-lang functions a formula may call: pure
// arithmetic. Everything else (now(), date() …) is switched off, so a
// formula cannot read the clock.
var formulaBuiltins = []string{"abs", "ceil", "floor", "round", "max", "min"}

// formula is a compiled office formula. expr's VM is not safe for
// concurrent runs of one program with shared state, so each run takes a VM
// from the pool.
type formula struct {
	prog *vm.Program
	vars []string
	pool sync.Pool
}

func formulaOptions(vars []string) []expr.Option {
	env := make(map[string]any, len(vars))
	for _, v := range vars {
		env[v] = 0.0
	}
	opts := []expr.Option{expr.Env(env), expr.AsFloat64(), expr.DisableAllBuiltins(), expr.MaxNodes(2000)}
	for _, b := range formulaBuiltins {
		opts = append(opts, expr.EnableBuiltin(b))
	}
	return opts
}

// CheckFormula compiles src with the named variables (each a number) and
// returns why it does not compile, in Chinese with expr's own message. It is
// the model.FormulaChecker package scoring registers.
func CheckFormula(src string, vars []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("公式无法解析：%v", r)
		}
	}()
	_, err = expr.Compile(src, formulaOptions(vars)...)
	if err != nil {
		return fmt.Errorf("%s", err.Error())
	}
	return nil
}

// compileFormulas compiles the formulas of a rule and its parts, keyed by
// part path ("" for the rule itself, "part" for a part). Validation has
// already compiled them once, so errors here do not occur; a formula that
// somehow fails is left out and flagged when used.
func compileFormulas(r model.Rule, path string) map[string]*formula {
	var out map[string]*formula
	switch r.Kind {
	case model.RuleFormula:
		vars := make([]string, len(r.Formula.Vars))
		for i, v := range r.Formula.Vars {
			vars[i] = v.Name
		}
		p, err := expr.Compile(r.Formula.Expr, formulaOptions(vars)...)
		if err == nil {
			out = map[string]*formula{path: {prog: p, vars: vars}}
		}
	case model.RuleParts:
		for _, part := range r.Parts {
			for k, f := range compileFormulas(part.Rule, path+"/"+part.Code) {
				if out == nil {
					out = map[string]*formula{}
				}
				out[k] = f
			}
		}
	}
	return out
}

// run evaluates the formula with the given variables. ok is false when the
// run fails or the result is not a finite number; msg then says why.
func (f *formula) run(env map[string]any) (v model.Decimal, ok bool, msg string) {
	defer func() {
		if r := recover(); r != nil {
			v, ok, msg = model.Decimal{}, false, fmt.Sprintf("公式运行出错：%v", r)
		}
	}()
	m, _ := f.pool.Get().(*vm.VM)
	if m == nil {
		m = &vm.VM{}
	}
	out, err := m.Run(f.prog, env)
	f.pool.Put(m)
	if err != nil {
		return model.Decimal{}, false, "公式运行出错：" + err.Error()
	}
	x, isFloat := out.(float64)
	if !isFloat {
		return model.Decimal{}, false, fmt.Sprintf("公式结果不是数字（%v）", out)
	}
	d, finite := model.DecimalFromFloat(x)
	if !finite {
		return model.Decimal{}, false, "公式结果不是有限的数（例如除以0）"
	}
	return d, true, ""
}
