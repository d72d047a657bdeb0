; The Windows installer of spa-pos (Inno Setup 6), built by .github/workflows/windows.yml:
;   pyinstaller installer/spa-pos.spec        -> dist\spa-pos\spa-pos.exe (one folder)
;     spa-pos.exe is the till, a windowed program (no console window behind it): the
;     shortcuts open it; spa-pos-cli.exe beside it is the console program for commands.
;   iscc /DAppVersion=X.Y.Z installer\spa-pos.iss -> dist\spa-pos-X.Y.Z-setup.exe
;
; Per user, no administrator: the program goes to %LOCALAPPDATA%\Programs\spa-pos.
; The clinic's data is NOT in that folder: the database, snapshots, the copies made before
; an upgrade and the logs are in %LOCALAPPDATA%\spa-pos (platformdirs' user data folder,
; spa_pos/paths.py), the keyring in its config folder. The uninstaller removes only the
; files it installed, so the clinic's data stays; reinstalling finds it again.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "spa-pos"
#define AppExe "spa-pos.exe"
#define BundleDir "..\dist\spa-pos"

[Setup]
; Never change AppId: it is how an upgrade finds the installed copy.
AppId={{6C1B7E2A-4B0D-4E55-9C1F-5A2D3F7B8E10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=spa-pos
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=spa-pos.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; Show the language dialog so a clinic can choose; Chinese first (the default language).
ShowLanguageDialog=auto
; The till must be closed before its files are replaced (an upgrade).
CloseApplications=yes
RestartApplications=no

[Languages]
; ChineseSimplified.isl is in Inno Setup's Languages folder from 6.5 on; the workflow
; fetches it there for older compilers.
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.DesktopIcon=在桌面创建快捷方式
english.DesktopIcon=Create a desktop shortcut
chinesesimplified.LaunchNow=立即打开收银台
english.LaunchNow=Open the till now
chinesesimplified.AppComment=理疗馆收银与会员积分
english.AppComment=Clinic till and loyalty points

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: checkedonce

[Files]
; The whole PyInstaller folder (the executable, Qt, the translations, fonts, migrations).
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A previous version's bundle folder is replaced whole, so no stale module is loaded.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchNow}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section, on purpose: the data folder is the clinic's books.
