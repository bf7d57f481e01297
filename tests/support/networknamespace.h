// A network namespace of a test: a simulated machine with a network link of its
// own that the test can cut and heal while the rest of the machine goes on. Needs
// root and iproute2 (`ip`).
//
// Named after the test process: namespace "lw-PID", a veth pair "lwPIDh" (the host
// end, in the root namespace) and "lwPIDn" (inside), on a /30 of 10.192.0.0/10
// chosen by the PID, so tests running at the same time do not meet. Removed when it
// goes out of scope; create() first removes what tests that died (a crash, a
// timeout's SIGKILL) left behind.
#pragma once

#include <QString>
#include <QStringList>

namespace TestSupport {

class NetworkNamespace
{
public:
    NetworkNamespace();
    ~NetworkNamespace();
    NetworkNamespace(const NetworkNamespace &) = delete;
    NetworkNamespace &operator=(const NetworkNamespace &) = delete;

    // Creates the namespace and its link, up. False with the reason in *error
    // (not root, no `ip`, a kernel without namespaces...).
    bool create(QString *error);
    // Deletes the link and the namespace (also what a failed create() made).
    void remove();

    QString name() const { return m_name; }
    // The host end's address: a server that listens there is reachable from inside.
    QString hostAddress() const { return m_host; }
    // The inside end's address.
    QString insideAddress() const { return m_inside; }
    // The command prefix that runs a program inside: ip netns exec NAME.
    QStringList exec() const;

    // Takes the host end down: what the inside sends is dropped without a word
    // (no reset, no "unreachable"), as when a switch or a cable fails; the
    // inside's own link stays up.
    bool cut(QString *error);
    // Brings the host end up again.
    bool heal(QString *error);

    // Namespaces and links of this naming whose test process is gone.
    static void removeLeftovers();

private:
    QString m_name;
    QString m_hostLink;
    QString m_insideLink;
    QString m_host;
    QString m_inside;
};

} // namespace TestSupport
