package sqlite

import (
	"context"
	"testing"
)

func TestSettingsRoundTrip(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	type notice struct {
		Phone   string
		Address string
	}
	var got notice
	if ok, err := s.Setting(ctx, "notice", &got); err != nil || ok {
		t.Fatalf("an unset key: %v %v", ok, err)
	}
	want := notice{Phone: "0991-1234567", Address: "示范镇党委组织办（镇政府三楼302室）"}
	if err := s.SetSetting(ctx, "notice", want); err != nil {
		t.Fatal(err)
	}
	want.Phone = "0991-7654321"
	if err := s.SetSetting(ctx, "notice", want); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.Setting(ctx, "notice", &got); err != nil || !ok || got != want {
		t.Fatalf("got %+v %v %v, want %+v", got, ok, err, want)
	}
}
