{
  "targets": [
    {
      "target_name": "qtnetwork",
      "sources": ["<!@(node -e \"require('fs').readdirSync('native',{recursive:true}).filter(f=>f.endsWith('.cc')).forEach(f=>console.log('native/'+f))\")"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")", "native"],
      "defines": ["NAPI_VERSION=8", "NODE_ADDON_API_DISABLE_DEPRECATED", "NODE_ADDON_API_CPP_EXCEPTIONS", "NODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS", "QT_NO_KEYWORDS"],
      "cflags_cc!": ["-fno-exceptions", "-fno-rtti", "-std=gnu++17"],
      "cflags_cc": ["-std=c++17", "-fexceptions", "-frtti", "-fno-gnu-unique", "<!@(pkg-config --cflags Qt6Network)"],
      "libraries": ["<!@(pkg-config --libs Qt6Network)"]
    }
  ]
}
