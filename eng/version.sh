#!/usr/bin/env bash
# The version of one build, as MSBuild arguments for build and pack alike (source it, then use "${VERSION_ARGS[@]}").
#   VERSION=1.2.0 ./build.sh pack     a release: exactly that version, ContinuousIntegrationBuild (deterministic paths)
#   ./build.sh pack                   a pre-release 0.1.0-dev.<UTC yyyyMMddHHmmss>: the stamp is taken once here,
#                                     so every package and every assembly of the run carries the same version, and a
#                                     second run never re-uses a version a NuGet cache already holds.
# VERSION_SUFFIX=... overrides the stamp (e.g. a CI build number).
if [ -n "${VERSION:-}" ]; then
  VERSION_ARGS=("-p:Version=$VERSION" "-p:ContinuousIntegrationBuild=true")
  BUILD_VERSION=$VERSION
else
  VERSION_SUFFIX=${VERSION_SUFFIX:-dev.$(date -u +%Y%m%d%H%M%S)}
  VERSION_ARGS=("-p:VersionSuffix=$VERSION_SUFFIX")
  prefix=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' "$(dirname "${BASH_SOURCE[0]}")/../Directory.Build.props")
  BUILD_VERSION=$prefix-$VERSION_SUFFIX
fi
export BUILD_VERSION
