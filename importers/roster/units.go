package roster

import (
	"slices"
	"strings"

	"xingji/model"
)

// maxDepth bounds walks up the unit tree; real trees are a handful of levels.
const maxDepth = 32

// unitIndex finds stored units by code, name and path.
type unitIndex struct {
	byID    map[int64]*model.Unit
	byCode  map[string]*model.Unit   // upper-cased code
	byName  map[string][]*model.Unit // active units by unitName(Name)
	gone    map[string]*model.Unit   // dissolved units by unitName(Name)
	maxSort map[int64]int            // largest SortOrder among each parent's children
	active  []*model.Unit
}

func newUnitIndex(units []model.Unit) *unitIndex {
	ix := &unitIndex{
		byID: map[int64]*model.Unit{}, byCode: map[string]*model.Unit{},
		byName: map[string][]*model.Unit{}, gone: map[string]*model.Unit{}, maxSort: map[int64]int{},
	}
	for i := range units {
		u := &units[i]
		ix.byID[u.ID] = u
		if u.Code != "" {
			ix.byCode[strings.ToUpper(u.Code)] = u
		}
		key := unitName(u.Name)
		if u.Active() {
			ix.byName[key] = append(ix.byName[key], u)
			ix.active = append(ix.active, u)
		} else {
			ix.gone[key] = u
		}
		ix.maxSort[u.ParentID] = max(ix.maxSort[u.ParentID], u.SortOrder)
	}
	return ix
}

// unitMatch is the outcome of finding the unit a row names.
type unitMatch struct {
	unit    *model.Unit // the stored unit, when found
	unknown bool        // no stored unit: to be decided (create or map)
	msg     string      // an error, when neither found nor unknown
	hint    string
	warn    string // found, but something looks wrong
}

// resolve finds the unit for a row's unit name and code.
func (ix *unitIndex) resolve(name, code string) unitMatch {
	if code != "" {
		if u := ix.byCode[code]; u != nil {
			if !u.Active() {
				return unitMatch{msg: "组织编码“" + code + "”对应的“" + u.Name + "”已撤销", hint: "请改为该党员现在所在的党组织"}
			}
			m := unitMatch{unit: u}
			if name != "" && !ix.namesUnit(name, u) {
				m.warn = "组织编码“" + code + "”对应“" + u.Name + "”，与表中写的“" + name + "”不一致，已按组织编码导入"
			}
			return m
		}
		if name == "" {
			return unitMatch{msg: "组织编码“" + code + "”不存在", hint: "请核对组织编码，或在“所在支部”列填写党组织名称"}
		}
	}
	found := ix.byName[name]
	if len(found) == 0 {
		if segs := splitPath(name); len(segs) > 1 {
			found = ix.byPath(segs)
		}
	}
	switch len(found) {
	case 1:
		return unitMatch{unit: found[0]}
	case 0:
		if u := ix.gone[name]; u != nil {
			return unitMatch{msg: "党组织“" + name + "”已撤销", hint: "请改为该党员现在所在的党组织"}
		}
		return unitMatch{unknown: true}
	}
	var paths []string
	for _, u := range found[:min(len(found), 5)] {
		paths = append(paths, ix.path(u))
	}
	return unitMatch{
		msg:  "“" + name + "”对应多个党组织（" + strings.Join(paths, "，") + "），无法确定是哪一个",
		hint: "请增加“组织编码”列，或写完整路径，例如“" + paths[0] + "”",
	}
}

// namesUnit reports whether a written name plausibly names u: its name, or a
// path ending in it.
func (ix *unitIndex) namesUnit(name string, u *model.Unit) bool {
	if name == unitName(u.Name) {
		return true
	}
	segs := splitPath(name)
	return len(segs) > 1 && slices.Contains(ix.byPath(segs), u)
}

// splitPath splits "城关镇党委/第一党支部" or "城关镇党委-第一党支部" into its
// segments; a name without separators is one segment.
func splitPath(name string) []string {
	return strings.FieldsFunc(name, func(r rune) bool { return r == '/' || r == '-' })
}

// byPath returns the active units named by the last segment whose ancestors
// include the earlier segments in order (levels may be skipped:
// "县委/第一党支部" finds 县委 › 城关镇党委 › 第一党支部).
func (ix *unitIndex) byPath(segs []string) []*model.Unit {
	var out []*model.Unit
	for _, u := range ix.byName[segs[len(segs)-1]] {
		i := len(segs) - 2
		// At most maxDepth steps, so that a damaged tree with a cycle cannot loop.
		for p, steps := ix.byID[u.ParentID], 0; p != nil && i >= 0 && steps < maxDepth; p, steps = ix.byID[p.ParentID], steps+1 {
			if unitName(p.Name) == segs[i] {
				i--
			}
		}
		if i < 0 {
			out = append(out, u)
		}
	}
	return out
}

// path writes a unit's place in the tree below the root: "城关镇党委/第一党支部".
func (ix *unitIndex) path(u *model.Unit) string {
	names := []string{u.Name}
	for p, steps := ix.byID[u.ParentID], 0; p != nil && p.ParentID != 0 && steps < maxDepth; p, steps = ix.byID[p.ParentID], steps+1 {
		names = append(names, p.Name)
	}
	slices.Reverse(names)
	return strings.Join(names, "/")
}

// splitUnknown divides an unknown unit's path into the stored unit its
// leading segments name (nil when none) and the segments to create.
func (ix *unitIndex) splitUnknown(name string) (*model.Unit, []string) {
	segs := splitPath(name)
	if len(segs) <= 1 {
		return nil, []string{name}
	}
	for k := len(segs) - 1; k >= 1; k-- {
		if found := ix.byPath(segs[:k]); len(found) == 1 {
			return found[0], segs[k:]
		}
	}
	return nil, segs
}

// suggest lists up to five active units whose names contain the written name
// or are contained in it, shortest first, to help the user map a short name
// such as "第一支部" to "城关镇第一党支部".
func (ix *unitIndex) suggest(name string) []int64 {
	segs := splitPath(name)
	last := name
	if len(segs) > 0 {
		last = segs[len(segs)-1]
	}
	core := strings.TrimSuffix(strings.TrimSuffix(last, "党支部"), "支部")
	if core == "" {
		return nil
	}
	var hits []*model.Unit
	for _, u := range ix.active {
		n := unitName(u.Name)
		if strings.Contains(n, core) || strings.Contains(last, n) {
			hits = append(hits, u)
		}
	}
	slices.SortStableFunc(hits, func(a, b *model.Unit) int { return len(a.Name) - len(b.Name) })
	var ids []int64
	for _, u := range hits[:min(len(hits), 5)] {
		ids = append(ids, u.ID)
	}
	return ids
}
