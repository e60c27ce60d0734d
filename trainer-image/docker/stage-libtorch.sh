#!/bin/sh
# Moves libtorch out of DJL's native jar into a plain folder for PYTORCH_LIBRARY_PATH, and deletes the jar.
# Why: with the jar on the class path DJL unpacks it into its cache on every container start (2.5 GB for
# cu121), and a read-only root file system could not even hold that cache. DJL still unpacks its small
# JNI library (from pytorch-jni) into DJL_CACHE_DIR, which the image points at /tmp.
# Usage: stage-libtorch.sh LIB_DIR DEST FLAVOR VERSION    e.g. target/lib /opt/libtorch cpu 2.3.1
set -eu
if [ "$#" -ne 4 ]; then
  echo "usage: stage-libtorch.sh LIB_DIR DEST FLAVOR VERSION" >&2
  exit 2
fi
lib_dir=$1 dest=$2 flavor=$3 version=$4

set -- "$lib_dir"/pytorch-native-"$flavor"-*.jar
if [ "$#" -ne 1 ] || [ ! -e "$1" ]; then
  echo "stage-libtorch: expected exactly one pytorch-native-$flavor-*.jar in $lib_dir, found: $*" >&2
  exit 1
fi
# Absolute, because the jar is unpacked from inside a scratch folder.
native_jar=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The small properties file first: a wrong jar fails fast, before half a gigabyte (or 2.5) is unpacked.
(cd "$work" && jar xf "$native_jar" native/lib/pytorch.properties)
props=$work/native/lib/pytorch.properties
if [ ! -f "$props" ]; then
  echo "stage-libtorch: $native_jar has no native/lib/pytorch.properties; not a DJL native jar?" >&2
  exit 1
fi
jar_version=$(sed -n 's/^version=//p' "$props")
jar_flavor=$(sed -n 's/^flavor=//p' "$props")
classifier=$(sed -n 's/^classifier=//p' "$props")
case "$jar_version" in
  "$version" | "$version"-*) ;;
  *) echo "stage-libtorch: $native_jar holds libtorch $jar_version, but PYTORCH_VERSION is $version" >&2; exit 1 ;;
esac
if [ "$jar_flavor" != "$flavor" ]; then
  echo "stage-libtorch: $native_jar holds flavor $jar_flavor, but PYTORCH_FLAVOR is $flavor" >&2
  exit 1
fi

(cd "$work" && jar xf "$native_jar" "pytorch/$flavor/$classifier")
mkdir -p "$dest"
mv "$work/pytorch/$flavor/$classifier"/* "$dest"/
rm -f "$native_jar"
echo "stage-libtorch: libtorch $jar_version ($flavor, $classifier) staged in $dest"
