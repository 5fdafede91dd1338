// The header the fixture's store file includes.
#pragma once
