# Sourced by the scripts that drive the real window (gui-smoke.sh,
# gui-choosers.sh, gui-tour.sh): installs what they need, builds bin/xingji
# and bin/xingji-cli, and makes a temporary working folder $work (removed,
# with every program started in the background, at exit) holding a home
# folder with Chinese characters and a space, where the default data folder
# goes. Screenshots go to $out.
. scripts/setup.sh
setup_test
out="$PWD/dist/screenshots"; mkdir -p "$out" bin
go build -o bin/xingji ./cmd/xingji
go build -o bin/xingji-cli ./cmd/xingji-cli
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
export HOME="$work/home 用户"; mkdir -p "$HOME"
