// Camera scanning for ScanField: the browser's own BarcodeDetector on the rear camera. Where the browser has no
// detector (or no camera API) the field is typed only; nothing here decodes images itself.

const sessions = new Map();

export function isSupported() {
  return 'BarcodeDetector' in window && !!navigator.mediaDevices?.getUserMedia;
}

// Opens the rear camera into <video>, reads frames until a code is found, then stops the camera and hands the code's
// raw text to dotnet.OnScanned. Throws (to .NET) when the camera cannot be opened.
export async function start(video, dotnet, formats) {
  stop(video);
  let wanted = formats;
  try {
    const supported = await BarcodeDetector.getSupportedFormats();
    wanted = formats.filter(f => supported.includes(f));
    if (wanted.length === 0) wanted = supported;
  } catch { /* older implementations have no getSupportedFormats: ask for the formats as given */ }
  const detector = new BarcodeDetector({ formats: wanted });
  // Registered before the camera opens, so a stop() while the browser asks for permission still closes it.
  const session = { stream: null, stopped: false, timer: 0 };
  sessions.set(video, session);
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  if (session.stopped) {
    stream.getTracks().forEach(t => t.stop());
    return;
  }
  session.stream = stream;
  video.muted = true;
  video.setAttribute('playsinline', ''); // iOS: play in the dialog, not full screen
  video.srcObject = stream;
  await video.play().catch(() => { /* autoplay refused: frames still arrive once the user taps */ });

  const tick = async () => {
    if (session.stopped) return;
    try {
      if (video.readyState >= 2) {
        const codes = await detector.detect(video);
        const code = codes.find(c => c.rawValue);
        if (code && !session.stopped) {
          stop(video);
          await dotnet.invokeMethodAsync('OnScanned', code.rawValue);
          return;
        }
      }
    } catch { /* a frame the detector could not read: try the next one */ }
    if (!session.stopped) session.timer = setTimeout(tick, 150);
  };
  tick();
}

// Stops the camera (the light goes off) and forgets the session; safe to call twice.
export function stop(video) {
  const session = sessions.get(video);
  if (!session) return;
  session.stopped = true;
  clearTimeout(session.timer);
  session.stream?.getTracks().forEach(t => t.stop());
  if (video) video.srcObject = null;
  sessions.delete(video);
}
