#include "imaging/dicomcodecs.h"

#include <QCoreApplication>

#include <dcmtk/dcmdata/dcdict.h>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>
#include <dcmtk/oflog/oflog.h>

#include <mutex>

namespace Boucle::DicomCodecs {

QString ensureRegistered()
{
    static std::once_flag once;
    static QString problem;
    std::call_once(once, [] {
        // DCMTK would print its warnings (odd lengths, unknown tags) on stderr of a GUI.
        OFLog::configure(OFLogger::OFF_LOG_LEVEL);
        DJDecoderRegistration::registerCodecs();
        DJLSDecoderRegistration::registerCodecs();
        DcmRLEDecoderRegistration::registerCodecs();
        if (!dcmDataDict.isDictionaryLoaded()) {
            problem = QCoreApplication::translate(
                    "Boucle::DicomCodecs",
                    "DCMTK's DICOM data dictionary is not installed (Debian package libdcmtk17)");
        }
    });
    return problem;
}

} // namespace Boucle::DicomCodecs
