package formspec_test

import (
	"fmt"

	"xingji/model/formspec"
)

func ExampleParseSubject() {
	s, err := formspec.ParseSubject("m:34")
	fmt.Println(s.Kind, s.ID, err)
	fmt.Println(formspec.UnitSubject(12))
	_, err = formspec.ParseSubject("u:-1")
	fmt.Println(err)
	// Output:
	// member 34 <nil>
	// u:12
	// “u:-1”不是党组织或党员的标识
}

func ExampleFieldKey() {
	k := formspec.FieldKey{Item: "3", Field: "score"}
	fmt.Println(k)
	back, _ := formspec.ParseFieldKey(k.String())
	fmt.Println(back.Item, back.Field)
	// Output:
	// f:3:score
	// 3 score
}
