// The verbs' cluster variants (clustercommands.cpp).
#pragma once

#include "cli/cli.h"
#include "core/cluster/remoteaction.h"

namespace LockWatch::Cli {

int statusCluster(Context &context);
int watchCluster(Context &context);
// start|stop|clean NODE/NAME: sets *handled and returns the exit code when the
// target is another node; for this node it rewrites the argument to NAME and
// leaves it to the local verb.
int remoteAction(Context &context, RemoteAction::Kind kind, bool *handled);

// ISO 8601 with milliseconds and the local offset (watch's "time"), and the same
// moment for people (watch's text lines); in watchcommand.cpp.
QString isoTimeNow();
QString clockNow();

} // namespace LockWatch::Cli
