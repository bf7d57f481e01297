// Pieces both editing dialogs (InstanceDialog, SettingsDialog) are built of.
#pragma once

class QDialog;
class QDialogButtonBox;
class QLabel;
class QWidget;

namespace LockWatch::DialogParts {

// The inline error line under a form: hidden until setText() and setVisible(true);
// named "error" (tests find it by that name).
QLabel *errorLabel(QWidget *parent);
// OK and Cancel, wired to the dialog's (virtual) accept() and reject().
QDialogButtonBox *okCancelButtons(QDialog *dialog);

} // namespace LockWatch::DialogParts
