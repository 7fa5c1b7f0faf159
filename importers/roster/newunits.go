package roster

import (
	"fmt"
	"strings"

	"xingji/model"
)

// created returns the Ref of the planned unit for an unknown unit name,
// creating it (and any missing units of its path) on first use when Options
// say so. decided is false when Options say nothing about the name; ref is
// "" when the unit cannot be created (an error is recorded).
func (pl *planner) created(e *Entry) (ref string, decided bool) {
	if ref, done := pl.leafOf[e.Unit]; done {
		if ref != "" && e.UnitCode != "" {
			if u := pl.p.Plan.NewUnits[pl.newUnit[ref]].Unit; !strings.EqualFold(u.Code, e.UnitCode) {
				pl.fail(e.Row, FieldUnitCode, "新党组织“"+e.Unit+"”的组织编码“"+e.UnitCode+"”与前面行中的“"+u.Code+"”不同",
					"同一个党组织请使用同一个组织编码")
			}
		}
		return ref, true
	}
	dec, explicit := pl.opts.Create[e.Unit]
	if !explicit && pl.opts.CreateAllUnder == 0 {
		return "", false
	}
	ref = pl.createPath(e, dec, explicit)
	pl.leafOf[e.Unit] = ref
	return ref, true
}

// createPath plans the units of an unknown name: the name itself, or for a
// path "城关镇党委/新总支/第一党支部" the segments after the part that names a
// stored unit, each under the previous one.
func (pl *planner) createPath(e *Entry, dec CreateDecision, explicit bool) string {
	hint, segs := pl.ix.splitUnknown(e.Unit)
	var parent *model.Unit // a stored parent
	switch {
	case explicit && dec.ParentID != 0:
		parent = pl.ix.byID[dec.ParentID]
	case hint != nil:
		parent = hint
	case explicit:
		pl.fail(e.Row, FieldUnit, "没有为新党组织“"+e.Unit+"”选择上级党组织", "请在导入预览中为它选择上级党组织")
		return ""
	default:
		parent = pl.ix.byID[pl.opts.CreateAllUnder]
	}
	parentRef := ""
	parentUnit := *parent
	all := splitPath(e.Unit)
	for i, seg := range segs {
		leaf := i == len(segs)-1
		ref := strings.Join(all[:len(all)-len(segs)+i+1], "/")
		if leaf {
			ref = e.Unit
		}
		if k, ok := pl.newUnit[ref]; ok {
			parentRef, parentUnit = ref, pl.p.Plan.NewUnits[k].Unit
			continue
		}
		u := model.Unit{Name: seg, Level: guessLevel(seg, leaf), Kind: guessKind(seg, parentUnit.Kind)}
		if leaf && explicit {
			if dec.Level != 0 {
				u.Level = dec.Level
			}
			if dec.Kind.Valid() {
				u.Kind = dec.Kind
			}
		}
		if parentRef == "" {
			u.ParentID = parentUnit.ID
		}
		u.Code = pl.unitCode(e, leaf, parentUnit.Code)
		u.SortOrder = pl.nextSort(parentRef, parentUnit.ID)
		pu := model.PlannedUnit{Ref: ref, ParentRef: parentRef, Unit: u}
		if err := pu.Validate(); err != nil {
			pl.fail(e.Row, FieldUnit, "无法新建党组织“"+seg+"”："+model.ErrorMessage(err), "")
			return ""
		}
		if err := u.ValidateParent(parentUnit); err != nil {
			pl.fail(e.Row, FieldUnit, "无法新建党组织“"+seg+"”："+model.ErrorMessage(err),
				"请为它选择更高一级的上级党组织，或改正名称的层级")
			return ""
		}
		pl.newUnit[ref] = len(pl.p.Plan.NewUnits)
		pl.p.Plan.NewUnits = append(pl.p.Plan.NewUnits, pu)
		parentRef, parentUnit = ref, u
	}
	return e.Unit
}

// guessLevel reads the level from the name's suffix: a leaf defaults to
// 党支部, a unit above it in a path to 党总支.
func guessLevel(name string, leaf bool) model.UnitLevel {
	if l, ok := model.ParseUnitLevel(name); ok {
		return l
	}
	if leaf {
		return model.LevelBranch
	}
	return model.LevelGeneral
}

// guessKind reads the kind from the name, else takes the parent's.
func guessKind(name string, parent model.UnitKind) model.UnitKind {
	if k, ok := model.ParseUnitKind(name); ok {
		return k
	}
	return parent
}

// unitCode gives a new unit its code: the file's 组织编码 for the leaf when
// given and free, else the parent's code with a two-digit number ("CG-03").
func (pl *planner) unitCode(e *Entry, leaf bool, parentCode string) string {
	if leaf && e.UnitCode != "" && !pl.codes[e.UnitCode] {
		pl.codes[e.UnitCode] = true
		return e.UnitCode
	}
	prefix := parentCode
	if prefix == "" || len(prefix) > 26 {
		prefix = "XJ"
	}
	for {
		pl.seq[prefix]++
		code := fmt.Sprintf("%s-%02d", prefix, pl.seq[prefix])
		if !pl.codes[strings.ToUpper(code)] {
			pl.codes[strings.ToUpper(code)] = true
			return code
		}
	}
}

// nextSort places a new unit after its stored and earlier planned siblings.
func (pl *planner) nextSort(parentRef string, parentID int64) int {
	key := "ref:" + parentRef
	base := 0
	if parentRef == "" {
		key = fmt.Sprint("id:", parentID)
		base = pl.ix.maxSort[parentID]
	}
	pl.sortSeq[key]++
	return base + pl.sortSeq[key]
}
