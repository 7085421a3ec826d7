#!/bin/sh
# Run a command inside the Debian unstable root, in a private mount namespace (so every
# mount below vanishes with the command), with the checkout at its own path.
# Usage (as root): unshare --mount --propagation private -- enter_debian_root.sh ROOT CHECKOUT WORKDIR COMMAND...
set -e
root=$1 checkout=$2 workdir=$3
shift 3
mkdir -p "$root$checkout"
mount --bind "$checkout" "$root$checkout"
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"  # /dev/shm: multiprocessing's semaphores and shared memory
mount --rbind /sys "$root/sys"
exec chroot "$root" /bin/sh -c 'cd "$0" && exec "$@"' "$workdir" "$@"
