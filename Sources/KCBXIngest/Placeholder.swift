import KCBXCore
