import { QRCode } from 'antd';

/** The otpauth:// URL as a scannable QR code, drawn in the browser (antd's QRCode). */
export default function QrCodeBox({ value, label }: { value: string; label: string }) {
  return (
    <div role="img" aria-label={label} style={{ display: 'flex', justifyContent: 'center' }}>
      <QRCode value={value} size={184} bordered errorLevel="M" />
    </div>
  );
}
